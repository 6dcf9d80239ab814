-- skill_profile loses its index on skill_id alone. No query of the hub reads it (questions by skill are answered from
-- the in-memory profile index), and it cost every recompute one B-tree leaf per skill of the person: a recompute
-- deletes and inserts a person's rows, and with each commit written before it returns (WRITE_DELAY=0) those leaves
-- were most of what the commit wrote. Reports that select by skill read the primary key's (person_id, skill_id)
-- order or add an index of their own.
drop index ix_profile_skill;
