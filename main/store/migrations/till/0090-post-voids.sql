-- Post-voids: a finished sale undone whole, as its own journal entry (DESIGN.md 3: corrections are
-- new entries, never updates of the sale). Written with its outbox row (POST_VOID) in one transaction.
CREATE TABLE post_void (
  id                 TEXT PRIMARY KEY,
  void_number        TEXT NOT NULL UNIQUE,
  sequence           INTEGER NOT NULL UNIQUE,
  -- One post-void per sale, whatever the code above does.
  original_sale_id   TEXT NOT NULL UNIQUE REFERENCES sale (id),
  original_receipt   TEXT NOT NULL,
  business_day       TEXT NOT NULL,
  staff_id           TEXT NOT NULL,
  approved_by        TEXT NOT NULL,
  completed_at       TEXT NOT NULL,
  currency           TEXT NOT NULL,
  total              INTEGER NOT NULL,
  document           TEXT NOT NULL
) STRICT;
CREATE INDEX post_void_by_completed_at ON post_void (completed_at);

CREATE TABLE post_void_tender (
  void_id             TEXT NOT NULL REFERENCES post_void (id),
  tender_no           INTEGER NOT NULL,
  tender_id           TEXT NOT NULL,
  kind                TEXT NOT NULL,
  amount              INTEGER NOT NULL CHECK (amount >= 0),
  original_tender_id  TEXT NOT NULL,
  method              TEXT,
  scheme              TEXT,
  masked_pan          TEXT,
  approval_code       TEXT,
  terminal_ref        TEXT,
  PRIMARY KEY (void_id, tender_no)
) STRICT;

CREATE TRIGGER post_void_is_append_only_u BEFORE UPDATE ON post_void BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER post_void_is_append_only_d BEFORE DELETE ON post_void BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER post_void_tender_is_append_only_u BEFORE UPDATE ON post_void_tender BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER post_void_tender_is_append_only_d BEFORE DELETE ON post_void_tender BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;

-- A sale partly returned cannot be voided, and a voided sale cannot be returned: either would give back twice.
CREATE TRIGGER post_void_not_returned BEFORE INSERT ON post_void
WHEN EXISTS (SELECT 1 FROM sale_return WHERE original_sale_id = NEW.original_sale_id)
BEGIN SELECT RAISE(ABORT, 'void_returned: part of the sale was already returned'); END;
CREATE TRIGGER sale_return_not_voided BEFORE INSERT ON sale_return
WHEN NEW.original_sale_id IS NOT NULL AND EXISTS (SELECT 1 FROM post_void WHERE original_sale_id = NEW.original_sale_id)
BEGIN SELECT RAISE(ABORT, 'sale_voided: the sale was post-voided, nothing is left to return'); END;
