-- A mobile payment asked of the central API whose answer has not been heard yet: its payment id is
-- the idempotency key, written before the request goes out, so a lost answer (or a till killed while
-- waiting) is asked again under the same key and the customer is never charged twice. The one-time
-- barcode itself is never kept: only its masked form. The row goes when the answer is in.
CREATE TABLE mobile_payment_attempt (
  payment_id    TEXT PRIMARY KEY,
  sale_id       TEXT NOT NULL,
  amount        INTEGER NOT NULL CHECK (amount > 0),
  masked_token  TEXT NOT NULL CHECK (masked_token GLOB '[*][*][*][*][0-9][0-9][0-9][0-9]'),
  started_at    TEXT NOT NULL
) STRICT;
CREATE INDEX mobile_payment_attempt_sale ON mobile_payment_attempt (sale_id);
