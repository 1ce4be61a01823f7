-- A small JPEG of each photo, made at upload (PhotoThumbnails); NULL for photos uploaded before this
-- migration or that could not be decoded: clients then show the photo itself.
ALTER TABLE media_photo ADD COLUMN thumbnail_key VARCHAR(32) NULL;
