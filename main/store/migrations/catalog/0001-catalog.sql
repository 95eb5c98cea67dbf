-- The catalog cache: pulled from the central API, so it may be written with synchronous=NORMAL
-- and thrown away and pulled again if it is ever damaged.
CREATE TABLE product (
  id         TEXT PRIMARY KEY,
  barcode    TEXT NOT NULL UNIQUE,
  name_ko    TEXT NOT NULL,
  name_en    TEXT NOT NULL,
  price      INTEGER NOT NULL,
  currency   TEXT NOT NULL,
  tax_class  TEXT NOT NULL,
  category   TEXT NOT NULL
) STRICT;

CREATE TABLE stream_cursor (
  stream      TEXT PRIMARY KEY,
  cursor      TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
