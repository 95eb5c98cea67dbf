-- Shift events go to the central API through the outbox now (sync/schema.graphql has their
-- kinds). Those kept in shift_event by 0004 until now were never sent: they join the outbox after
-- what is there, in their order, each with its own mutation id, so the centre gets them once.
-- The closes carry who closed and when (read from their records, as the new rows have them).
INSERT INTO outbox (sequence, mutation_id, kind, occurred_at, payload)
SELECT
  coalesce((SELECT value FROM till_counter WHERE name = 'outbox'), 0) + row_number() OVER (ORDER BY e.sequence),
  e.mutation_id,
  e.kind,
  e.occurred_at,
  CASE e.kind
    WHEN 'SHIFT_CLOSED' THEN (
      SELECT json_set(e.payload, '$.closedAt', s.closed_at, '$.closedBy', s.closed_by)
      FROM shift s WHERE s.id = json_extract(e.payload, '$.shiftId'))
    WHEN 'DAY_CLOSED' THEN (
      SELECT json_set(e.payload, '$.closedAt', d.closed_at, '$.closedBy', d.closed_by,
        '$.counted', json_extract(d.report, '$.counted'), '$.overShort', json_extract(d.report, '$.overShort'))
      FROM business_day_close d WHERE d.business_day = json_extract(e.payload, '$.businessDay'))
    ELSE e.payload
  END
FROM shift_event e
ORDER BY e.sequence;

INSERT INTO till_counter (name, value)
SELECT 'outbox', coalesce((SELECT max(sequence) FROM outbox), 0)
WHERE EXISTS (SELECT 1 FROM shift_event)
ON CONFLICT (name) DO UPDATE SET value = excluded.value;

-- Moved, not copied: the outbox is now their only record for the centre.
DELETE FROM shift_event;
