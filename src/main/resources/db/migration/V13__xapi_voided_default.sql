-- A statement is stored not voided; the statement store's insert then marks voided what a stored voiding statement
-- names (StatementStore.insert). The insert no longer sends the column: on PostgreSQL it was one array of falses per
-- group, on H2 one parameter per row.
alter table xapi_statement alter column voided set default false;
