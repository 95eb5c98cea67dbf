-- When each outbox row was last sent, so the back office can tell a mutation that keeps failing
-- from one that has not been tried yet. `attempts` now counts sends (it counted verdicts before).
ALTER TABLE outbox ADD COLUMN last_attempt_at TEXT;

-- The quarantine (rejected mutations) is read by the back office newest first.
CREATE INDEX outbox_quarantine ON outbox (status, pushed_at) WHERE status = 'rejected';
