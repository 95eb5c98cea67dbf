-- Members of the store's region (the member stream), as little as lookup needs: a hash of the
-- phone's digits (never the number), its last four digits, a masked name, tier and points.
-- In catalog.db: it is a cache of the centre's data and can be pulled again.
CREATE TABLE member (
  id               TEXT PRIMARY KEY,
  phone_hash       TEXT NOT NULL,
  phone_last4      TEXT NOT NULL,
  masked_name      TEXT NOT NULL,
  tier             TEXT NOT NULL,
  points           INTEGER NOT NULL,
  balance_version  INTEGER NOT NULL,
  token_hash       TEXT
) STRICT;
CREATE INDEX member_by_phone ON member (phone_hash);
CREATE INDEX member_by_last4 ON member (phone_last4);
CREATE INDEX member_by_token ON member (token_hash) WHERE token_hash IS NOT NULL;

-- Personal coupons (the coupon stream); `used` is set by the centre, or here once a sale used it.
CREATE TABLE member_coupon (
  id          TEXT PRIMARY KEY,
  member_id   TEXT NOT NULL,
  name        TEXT NOT NULL,
  rule        TEXT NOT NULL,
  expires_at  TEXT,
  used        INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX member_coupon_by_member ON member_coupon (member_id);
