-- Training mode: sales rung for practice. Kept apart from the journal (the sale table), so no total,
-- X / Z report or search ever counts them, and no outbox row is ever written for them.
CREATE TABLE training_sale (
  id              TEXT PRIMARY KEY,
  receipt_number  TEXT NOT NULL UNIQUE,
  sequence        INTEGER NOT NULL UNIQUE,
  staff_id        TEXT NOT NULL,
  completed_at    TEXT NOT NULL,
  total           INTEGER NOT NULL,
  document        TEXT NOT NULL
) STRICT;
