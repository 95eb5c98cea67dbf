-- Return receipts a printer fault left owed, beside the sale receipts' queue (0001 reprint_queue,
-- whose rows point at a sale): the customer is owed the paper of a return just the same.
CREATE TABLE return_reprint_queue (
  return_id   TEXT PRIMARY KEY REFERENCES sale_return (id),
  reason      TEXT NOT NULL,
  queued_at   TEXT NOT NULL,
  printed_at  TEXT
) STRICT;
