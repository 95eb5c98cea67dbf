-- Prices that take effect at a future instant (the price stream). The till switches a product's
-- price by itself when the instant comes, online or not; until then the row waits here.
CREATE TABLE price_schedule (
  id            TEXT PRIMARY KEY,
  product_id    TEXT NOT NULL,
  price         INTEGER NOT NULL,
  effective_at  TEXT NOT NULL
) STRICT;
CREATE INDEX price_schedule_due ON price_schedule (effective_at);
