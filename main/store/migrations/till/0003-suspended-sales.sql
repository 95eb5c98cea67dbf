-- Sales put aside at the lane (a customer went back for something). A suspended sale is a draft,
-- not a fact: resuming it removes it from here, in the same transaction that makes it the open sale.
CREATE TABLE suspended_sale (
  sale_id       TEXT PRIMARY KEY,
  staff_id      TEXT NOT NULL,
  suspended_at  TEXT NOT NULL,
  total         INTEGER NOT NULL,
  item_count    INTEGER NOT NULL,
  document      TEXT NOT NULL
) STRICT;
