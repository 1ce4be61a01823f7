-- LEFT_BEHIND_CHILDREN (留守儿童) is 20 characters: VARCHAR(16) refused every such need.
ALTER TABLE need MODIFY COLUMN beneficiary_type VARCHAR(32) NOT NULL;
