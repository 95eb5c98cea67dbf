-- The store's configuration and offline policies, pulled from the central API (the config stream).
-- Values are JSON as the centre sent them; each consumer validates the keys it reads.
-- In till.db, not catalog.db: a policy (may a pickup be handed out offline?) must survive a crash.
CREATE TABLE store_config (
  key         TEXT PRIMARY KEY,
  value       TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
