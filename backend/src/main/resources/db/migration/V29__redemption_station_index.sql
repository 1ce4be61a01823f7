-- The console's store desk lists a station's redemptions newest first (stationRedemptions).
CREATE INDEX idx_redemption_station ON redemption (station_id, id);
