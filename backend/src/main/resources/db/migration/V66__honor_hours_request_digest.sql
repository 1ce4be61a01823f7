-- 荣誉时长补录 tells a resend of its key from the key's reuse for other input as the other keyed creates
-- do (V62, V65): by the digest of the request as sent, not by comparing stored fields (which a later
-- correction could change). A record's fields never change after it is made (approve and revoke touch
-- only its state), so the digest of rows made with a key is computed here from them, exactly as
-- RecordCorrections.digest("HONOR_HOURS", volunteerId, hours, reason, serviceDate) writes it: each part
-- as "<length>:<text>;", the length counted in UTF-16 units as Java's String.length() does.
ALTER TABLE volunteer_honor_hours
    ADD COLUMN request_digest CHAR(64) NULL;

UPDATE volunteer_honor_hours
   SET request_digest = SHA2(CONVERT(CONCAT(
           '11:HONOR_HOURS;',
           CHAR_LENGTH(CAST(volunteer_id AS CHAR)), ':', CAST(volunteer_id AS CHAR), ';',
           CHAR_LENGTH(CAST(hours AS CHAR)), ':', CAST(hours AS CHAR), ';',
           LENGTH(CONVERT(reason USING utf16)) DIV 2, ':', reason, ';',
           '10:', DATE_FORMAT(service_date, '%Y-%m-%d'), ';') USING utf8mb4), 256)
 WHERE idempotency_key IS NOT NULL;
