-- Online orders of this store from the central API's order stream (pickup orders for the desk, and
-- recent online orders of any fulfilment for returns at the till). The document is the order as
-- the centre last sent it, overlaid by what this till did and has not yet heard back about.
-- In till.db, not catalog.db: an offline hand-out changes it in the same transaction as its journal row.
CREATE TABLE store_order (
  id           TEXT PRIMARY KEY,
  number       TEXT NOT NULL UNIQUE,
  fulfilment   TEXT NOT NULL CHECK (fulfilment IN ('PICKUP', 'DELIVERY')),
  state        TEXT NOT NULL,
  phone_last4  TEXT NOT NULL,
  placed_at    TEXT NOT NULL,
  document     TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX store_order_by_fulfilment ON store_order (fulfilment, placed_at);
CREATE INDEX store_order_by_phone ON store_order (phone_last4);

-- Picking in progress at this till (the scans so far), so a restart does not lose the count.
CREATE TABLE pick_progress (
  order_number  TEXT PRIMARY KEY,
  staff_id      TEXT NOT NULL,
  started_at    TEXT NOT NULL,
  document      TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;

-- Hand-outs made at this till: the pickup journal. A fact, never updated or deleted.
CREATE TABLE pickup_handout (
  handout_id        TEXT PRIMARY KEY,
  order_number      TEXT NOT NULL,
  staff_id          TEXT NOT NULL,
  handed_out_at     TEXT NOT NULL,
  mode              TEXT NOT NULL CHECK (mode IN ('online', 'offline')),
  proof             TEXT NOT NULL CHECK (proof IN ('QR', 'NUMBER_PHONE')),
  expected_version  INTEGER NOT NULL,
  lines             TEXT NOT NULL
) STRICT;
CREATE INDEX pickup_handout_by_order ON pickup_handout (order_number);
CREATE TRIGGER pickup_handout_is_append_only_u BEFORE UPDATE ON pickup_handout BEGIN SELECT RAISE(ABORT, 'the pickup journal is append-only'); END;
CREATE TRIGGER pickup_handout_is_append_only_d BEFORE DELETE ON pickup_handout BEGIN SELECT RAISE(ABORT, 'the pickup journal is append-only'); END;
