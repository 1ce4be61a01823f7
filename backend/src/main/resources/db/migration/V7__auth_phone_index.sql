-- Admins look colleagues up by their bound phone number (userByPhone).
CREATE INDEX idx_app_user_phone ON app_user (phone);
