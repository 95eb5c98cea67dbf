-- A card operation sent to the terminal whose outcome the till does not know yet (DESIGN.md 5: an
-- unknown outcome is resolved by asking the terminal, never by guessing). Written before the command
-- goes out, removed once the terminal's answer is known, so a host killed in between still knows at
-- start that it must ask. One at a time: the terminal takes one command at a time.
CREATE TABLE pending_card_operation (
  slot          INTEGER PRIMARY KEY CHECK (slot = 1),
  operation     TEXT NOT NULL CHECK (operation IN ('payment', 'refund', 'reversal')),
  -- The till's reference: the sale id for a payment.
  reference     TEXT NOT NULL,
  amount        INTEGER NOT NULL CHECK (amount >= 0),
  -- The terminal's last trace number seen before sending (NULL: none seen yet), to tell our booking from an older one.
  trace_before  TEXT,
  -- The terminal's receipt number of the transaction, once known (a reversal names it before sending).
  receipt_no    TEXT,
  sent_at       TEXT NOT NULL
) STRICT;
