-- Product search by name: Korean substrings, initial consonants (초성) and English.
-- Queries of 3+ characters go to a trigram index; shorter ones to tokens the till computes
-- (2-character runs and English words), because a trigram index cannot answer them without a scan.
-- Both are contentless and keyed by product.rowid; the catalog repository writes them in the same
-- transaction as the product row.
CREATE VIRTUAL TABLE product_search_trigram USING fts5(
  ko, en, initials,
  tokenize = 'trigram', content = '', contentless_delete = 1
);

CREATE VIRTUAL TABLE product_search_short USING fts5(
  tokens,
  tokenize = 'unicode61', content = '', contentless_delete = 1, detail = 'none', prefix = '1'
);

-- Products already on the till have no search rows yet. The initials need Hangul arithmetic, which
-- SQL does not have, so the repository fills the index on open while this flag is 0.
CREATE TABLE product_search_state (
  id     INTEGER PRIMARY KEY CHECK (id = 1),
  built  INTEGER NOT NULL CHECK (built IN (0, 1))
) STRICT;
INSERT INTO product_search_state (id, built) VALUES (1, 0);
