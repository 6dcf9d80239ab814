-- Outbound at a steady load. Portable SQL: the same file runs on H2 (default) and PostgreSQL.

-- The dispatcher asks, before it renders a write-back, whether a newer row of the same target and person is still
-- pending (the older one is then superseded). ix_outbox_target (target_id, person_id) made that a walk over every
-- row the person ever had for the target, a list that only grows; with the event and status in the key it reads
-- the few pending rows alone.
create index ix_outbox_lane on outbox (target_id, person_id, event, status, id);
drop index ix_outbox_target;

-- An assignment is completed when the person's completion of its content comes back from the LMS.
alter table assignment add column completed_at timestamp with time zone;
create index ix_assignment_status on assignment (status);
