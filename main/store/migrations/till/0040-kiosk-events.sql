-- What happened at a self-checkout kiosk besides the sale itself: staff calls and how staff
-- answered them, idle resets, receipt choices, staff exits. Append-only like the journal: an
-- answer is a new row pointing at its call, never an update of it.
CREATE TABLE kiosk_event (
  id               TEXT PRIMARY KEY,
  at               TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('called', 'approved', 'refused', 'idle_reset', 'receipt', 'staff_exit', 'payment_declined')),
  intervention_id  TEXT,
  reason           TEXT,
  sale_id          TEXT,
  line_id          TEXT,
  staff_id         TEXT,
  detail           TEXT
) STRICT;
CREATE INDEX kiosk_event_at ON kiosk_event (at);
CREATE TRIGGER kiosk_event_no_update BEFORE UPDATE ON kiosk_event BEGIN SELECT RAISE(ABORT, 'kiosk events are append-only'); END;
CREATE TRIGGER kiosk_event_no_delete BEFORE DELETE ON kiosk_event BEGIN SELECT RAISE(ABORT, 'kiosk events are append-only'); END;
