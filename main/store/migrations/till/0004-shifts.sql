-- Shifts and the cash drawer (synchronous=FULL, like the journal: a count is money).
-- A shift owns the sales whose receipt sequence falls in [first_sequence, last_sequence]: the
-- sequence is taken in each sale's commit, so no clock decides which shift a sale belongs to.
CREATE TABLE shift (
  id              TEXT PRIMARY KEY,
  staff_id        TEXT NOT NULL,
  business_day    TEXT NOT NULL,
  currency        TEXT NOT NULL,
  float           INTEGER NOT NULL CHECK (float >= 0),
  opened_at       TEXT NOT NULL,
  first_sequence  INTEGER NOT NULL,
  closed_at       TEXT,
  closed_by       TEXT,
  last_sequence   INTEGER,
  counted         INTEGER,
  counts          TEXT,
  expected        INTEGER,
  CHECK ((closed_at IS NULL) = (counted IS NULL))
) STRICT;
-- One open shift per till (one till per file).
CREATE UNIQUE INDEX shift_one_open ON shift ((1)) WHERE closed_at IS NULL;
CREATE INDEX shift_by_business_day ON shift (business_day);
-- A closed shift is a fact.
CREATE TRIGGER shift_closed_is_final BEFORE UPDATE ON shift WHEN OLD.closed_at IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'a closed shift is final'); END;
CREATE TRIGGER shift_is_kept BEFORE DELETE ON shift BEGIN SELECT RAISE(ABORT, 'shifts are kept'); END;

-- Cash in and out of the drawer outside sales; a no-sale opens the drawer and records why.
CREATE TABLE cash_movement (
  id        TEXT PRIMARY KEY,
  shift_id  TEXT NOT NULL REFERENCES shift (id),
  kind      TEXT NOT NULL CHECK (kind IN ('drop', 'paidIn', 'paidOut', 'noSale')),
  amount    INTEGER NOT NULL CHECK (amount >= 0 AND (kind <> 'noSale' OR amount = 0)),
  reason    TEXT NOT NULL,
  staff_id  TEXT NOT NULL,
  at        TEXT NOT NULL
) STRICT;
CREATE INDEX cash_movement_by_shift ON cash_movement (shift_id);
CREATE TRIGGER cash_movement_is_append_only_u BEFORE UPDATE ON cash_movement BEGIN SELECT RAISE(ABORT, 'cash movements are append-only'); END;
CREATE TRIGGER cash_movement_is_append_only_d BEFORE DELETE ON cash_movement BEGIN SELECT RAISE(ABORT, 'cash movements are append-only'); END;

-- The business day closes once (the Z report).
CREATE TABLE business_day_close (
  business_day  TEXT PRIMARY KEY,
  closed_at     TEXT NOT NULL,
  closed_by     TEXT NOT NULL,
  z_number      INTEGER NOT NULL UNIQUE,
  report        TEXT NOT NULL
) STRICT;

-- Shift events for the central API. The central schema has no shift mutation yet, so they stay
-- here, in order, with their idempotency key, rather than in the outbox the pusher drains.
CREATE TABLE shift_event (
  sequence     INTEGER PRIMARY KEY,
  mutation_id  TEXT NOT NULL UNIQUE,
  kind         TEXT NOT NULL,
  occurred_at  TEXT NOT NULL,
  payload      TEXT NOT NULL
) STRICT;
