-- Returns: each a journal entry of its own referring to the original sale (DESIGN.md 3: corrections
-- are new entries, never updates). Written with its outbox row (RETURN) in one transaction.

CREATE TABLE sale_return (
  id                 TEXT PRIMARY KEY,
  return_number      TEXT NOT NULL UNIQUE,
  sequence           INTEGER NOT NULL UNIQUE,
  -- The original sale: on this till or another till of the store (found through the central API); NULL receipt-less.
  original_sale_id   TEXT,
  original_receipt   TEXT,
  business_day       TEXT NOT NULL,
  staff_id           TEXT NOT NULL,
  approved_by        TEXT,
  completed_at       TEXT NOT NULL,
  currency           TEXT NOT NULL,
  refund_total       INTEGER NOT NULL,
  taxable_supply     INTEGER NOT NULL,
  tax                INTEGER NOT NULL,
  tax_free           INTEGER NOT NULL,
  document           TEXT NOT NULL
) STRICT;
CREATE INDEX sale_return_by_original ON sale_return (original_sale_id);

CREATE TABLE sale_return_line (
  return_id          TEXT NOT NULL REFERENCES sale_return (id),
  line_no            INTEGER NOT NULL,
  original_sale_id   TEXT,
  original_line_id   TEXT,
  product_id         TEXT NOT NULL,
  quantity           INTEGER NOT NULL CHECK (quantity > 0),
  sold_quantity      INTEGER,
  refund             INTEGER NOT NULL CHECK (refund >= 0),
  condition          TEXT NOT NULL CHECK (condition IN ('unopened', 'opened', 'faulty')),
  disposition        TEXT NOT NULL CHECK (disposition IN ('restock', 'damaged')),
  PRIMARY KEY (return_id, line_no)
) STRICT;
CREATE INDEX sale_return_line_by_original ON sale_return_line (original_sale_id, original_line_id);

CREATE TABLE sale_return_tender (
  return_id           TEXT NOT NULL REFERENCES sale_return (id),
  tender_no           INTEGER NOT NULL,
  tender_id           TEXT NOT NULL,
  kind                TEXT NOT NULL,
  amount              INTEGER NOT NULL CHECK (amount >= 0),
  original_tender_id  TEXT,
  scheme              TEXT,
  masked_pan          TEXT,
  approval_code       TEXT,
  terminal_ref        TEXT,
  PRIMARY KEY (return_id, tender_no)
) STRICT;

-- Over-returns are impossible on this till, whatever the code above does.
CREATE TRIGGER sale_return_line_not_over BEFORE INSERT ON sale_return_line
WHEN NEW.original_line_id IS NOT NULL AND NEW.sold_quantity IS NOT NULL
  AND NEW.quantity + (SELECT coalesce(sum(quantity), 0) FROM sale_return_line
                      WHERE original_sale_id = NEW.original_sale_id AND original_line_id = NEW.original_line_id) > NEW.sold_quantity
BEGIN SELECT RAISE(ABORT, 'over_return: more of the line would be returned than was sold'); END;

CREATE TRIGGER sale_return_is_append_only_u BEFORE UPDATE ON sale_return BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER sale_return_is_append_only_d BEFORE DELETE ON sale_return BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER sale_return_line_is_append_only_u BEFORE UPDATE ON sale_return_line BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER sale_return_line_is_append_only_d BEFORE DELETE ON sale_return_line BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER sale_return_tender_is_append_only_u BEFORE UPDATE ON sale_return_tender BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER sale_return_tender_is_append_only_d BEFORE DELETE ON sale_return_tender BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
