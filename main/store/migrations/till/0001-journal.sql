-- The till's journal and outbox. Written with synchronous=FULL: a committed sale survives power loss.

-- A finished sale as rung: a fact, never updated or deleted (corrections are new entries).
CREATE TABLE sale (
  id              TEXT PRIMARY KEY,
  receipt_number  TEXT NOT NULL UNIQUE,
  sequence        INTEGER NOT NULL UNIQUE,
  business_day    TEXT NOT NULL,
  staff_id        TEXT NOT NULL,
  started_at      TEXT NOT NULL,
  completed_at    TEXT NOT NULL,
  currency        TEXT NOT NULL,
  total           INTEGER NOT NULL,
  taxable_supply  INTEGER NOT NULL,
  tax             INTEGER NOT NULL,
  tax_free        INTEGER NOT NULL,
  change_given    INTEGER NOT NULL,
  document        TEXT NOT NULL
) STRICT;
CREATE INDEX sale_by_business_day ON sale (business_day);
CREATE INDEX sale_by_completed_at ON sale (completed_at);

CREATE TABLE sale_line (
  sale_id     TEXT NOT NULL REFERENCES sale (id),
  line_no     INTEGER NOT NULL,
  line_id     TEXT NOT NULL,
  product_id  TEXT NOT NULL,
  barcode     TEXT NOT NULL,
  name_ko     TEXT NOT NULL,
  name_en     TEXT NOT NULL,
  unit_price  INTEGER NOT NULL,
  quantity    INTEGER NOT NULL,
  tax_class   TEXT NOT NULL,
  voided      INTEGER NOT NULL CHECK (voided IN (0, 1)),
  PRIMARY KEY (sale_id, line_no)
) STRICT;

CREATE TABLE sale_tender (
  sale_id        TEXT NOT NULL REFERENCES sale (id),
  tender_no      INTEGER NOT NULL,
  tender_id      TEXT NOT NULL,
  kind           TEXT NOT NULL,
  amount         INTEGER NOT NULL,
  scheme         TEXT,
  masked_pan     TEXT,
  approval_code  TEXT,
  terminal_ref   TEXT,
  PRIMARY KEY (sale_id, tender_no)
) STRICT;

CREATE TRIGGER sale_is_append_only_u BEFORE UPDATE ON sale BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER sale_is_append_only_d BEFORE DELETE ON sale BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER sale_line_is_append_only_u BEFORE UPDATE ON sale_line BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER sale_line_is_append_only_d BEFORE DELETE ON sale_line BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER sale_tender_is_append_only_u BEFORE UPDATE ON sale_tender BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER sale_tender_is_append_only_d BEFORE DELETE ON sale_tender BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;

-- Gapless per-till counters (receipt sequence, outbox sequence), taken inside the commit's transaction.
CREATE TABLE till_counter (
  name   TEXT PRIMARY KEY,
  value  INTEGER NOT NULL
) STRICT;

-- One row per business event to push to the central API, in order.
CREATE TABLE outbox (
  sequence        INTEGER PRIMARY KEY,
  mutation_id     TEXT NOT NULL UNIQUE,
  kind            TEXT NOT NULL,
  occurred_at     TEXT NOT NULL,
  payload         TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'applied', 'duplicate', 'flagged', 'rejected')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  pushed_at       TEXT,
  result_code     TEXT,
  result_message  TEXT
) STRICT;
CREATE INDEX outbox_by_status ON outbox (status, sequence);

-- The sale being rung, saved on every change so a till killed mid-sale resumes it.
CREATE TABLE open_sale (
  slot        INTEGER PRIMARY KEY CHECK (slot = 1),
  sale_id     TEXT NOT NULL,
  document    TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

-- Receipts that could not be printed; the sale is done, the paper is owed.
CREATE TABLE reprint_queue (
  sale_id     TEXT PRIMARY KEY REFERENCES sale (id),
  reason      TEXT NOT NULL,
  queued_at   TEXT NOT NULL,
  printed_at  TEXT
) STRICT;

-- Staff pulled from the central API; PINs only as salted hashes.
CREATE TABLE staff (
  id        TEXT PRIMARY KEY,
  name      TEXT NOT NULL,
  role      TEXT NOT NULL,
  pin_salt  TEXT NOT NULL,
  pin_hash  TEXT NOT NULL
) STRICT;

CREATE TABLE stream_cursor (
  stream      TEXT PRIMARY KEY,
  cursor      TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
