-- Promotions as data from the central API (the promotions stream). The rule itself is a JSON
-- document validated by main/core/pricing/promotion.ts when it is read; the time window is kept
-- in columns so the till can list what is active without parsing every rule.
CREATE TABLE promotion (
  id         TEXT PRIMARY KEY,
  starts_at  TEXT,
  ends_at    TEXT,
  document   TEXT NOT NULL
) STRICT;
CREATE INDEX promotion_by_window ON promotion (starts_at, ends_at);
