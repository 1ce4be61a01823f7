-- A service certificate states confirmed need-service hours too (issue 13): they are credit hours
-- like confirmed activity hours, so credit_hours includes them; needs_count and need_hours say how
-- much of it came from needs. Certificates issued before stated none.
ALTER TABLE service_certificate
    ADD COLUMN needs_count INT          NOT NULL DEFAULT 0 AFTER activities_count,
    ADD COLUMN need_hours  DECIMAL(8,2) NOT NULL DEFAULT 0 AFTER credit_hours;
