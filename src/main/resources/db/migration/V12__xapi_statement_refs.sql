-- Filtered GETs read their index (docs/adr/0006). A filter matches a statement itself or, through its StatementRef
-- object, the statement it targets; the query narrows to the ids the most selective filter's index finds and to the
-- statements that target one of those. The StatementRef objects are named in a table of their own: few statements have
-- one, so the many without pay nothing. It takes over xapi_voiding (voiding statements are StatementRefs too).
create table xapi_statement_ref (
    target_id       varchar(36)   not null,
    statement_id    varchar(36)   not null,
    voiding         boolean       not null,
    constraint pk_xapi_statement_ref primary key (target_id, statement_id)
);
insert into xapi_statement_ref (target_id, statement_id, voiding)
    select object_statement_id, id, voiding from xapi_statement where object_statement_id is not null;
drop table xapi_voiding;
