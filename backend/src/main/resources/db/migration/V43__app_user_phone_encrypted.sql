-- Bound phone numbers are encrypted at rest (AES-GCM, FieldCrypto, "$<keyId>$base64": under 100
-- characters for a phone number) and looked up by a keyed hash (HMAC-SHA256 under the phone's own
-- index key, hex). Existing rows keep their plaintext, and no hash, until the key-rotation command
-- (APP_CRYPTO_REENCRYPT=true) seals them; lookups also match the plaintext meanwhile, which is what
-- idx_app_user_phone still serves. No data is changed here: SQL has no key.
ALTER TABLE app_user MODIFY phone VARCHAR(100) NULL;
ALTER TABLE app_user ADD COLUMN phone_hash CHAR(64) NULL;
CREATE INDEX idx_app_user_phone_hash ON app_user (phone_hash);
