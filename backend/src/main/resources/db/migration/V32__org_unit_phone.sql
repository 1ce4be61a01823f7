-- The unit's duty phone (值班电话), which residents call from the mini-program's 点单 in care mode.
ALTER TABLE org_unit ADD COLUMN phone VARCHAR(20) NULL;
