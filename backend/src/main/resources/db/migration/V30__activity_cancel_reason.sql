-- Why an admin cancelled an activity (cancelActivity's optional reason), shown to the people signed up.
ALTER TABLE activity ADD COLUMN cancel_reason VARCHAR(200) NULL;
