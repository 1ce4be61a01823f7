-- Residents' phone numbers and addresses on needs are encrypted at rest (AES-GCM, FieldCrypto):
-- "$<keyId>$" then base64 of nonce, ciphertext and tag. An address of 255 characters (up to 1,020
-- bytes) seals to about 1,420 characters, a phone number to under 100. Existing rows keep their
-- plaintext until the key-rotation command (APP_CRYPTO_REENCRYPT=true) seals them; the
-- application reads both meanwhile. No data is changed here: SQL has no key.
ALTER TABLE need MODIFY address VARCHAR(1500) NOT NULL;
ALTER TABLE need MODIFY contact_phone VARCHAR(100) NOT NULL;
-- An ID number with its key id prefix: 44 base64 characters plus up to 18.
ALTER TABLE volunteer MODIFY id_number_cipher VARCHAR(160) NOT NULL;
