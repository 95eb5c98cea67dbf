-- Each shelf price a product had and until when: receipt-less returns are priced at the lowest
-- price of the last N days. Kept by a trigger, so every way a price changes (catalog stream,
-- scheduled price switching) is recorded without the writers knowing.
CREATE TABLE price_history (
  product_id  TEXT NOT NULL,
  price       INTEGER NOT NULL,
  until       TEXT NOT NULL
) STRICT;
CREATE INDEX price_history_by_product ON price_history (product_id, until);

CREATE TRIGGER product_price_history AFTER UPDATE OF price ON product
WHEN OLD.price <> NEW.price
BEGIN
  INSERT INTO price_history (product_id, price, until) VALUES (OLD.id, OLD.price, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
