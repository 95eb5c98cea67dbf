-- Enrolments the central API has answered no longer keep the member's phone and name on the till
-- (the outbox prunes them when the answer is recorded from now on): the rows stay for the ledger.
UPDATE outbox SET payload = json_set(payload, '$.phone', '', '$.name', '')
WHERE kind = 'MEMBER_ENROLL' AND status <> 'pending';
