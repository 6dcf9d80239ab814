-- xAPI statements as evidence, LRS pull and forwarding. Portable SQL: the same file runs on H2 and PostgreSQL.

-- How far a reader of the statement store has come, in (stored, seq) order: 'evidence' turns statements into
-- learning records and claims, 'forward:<target>' sends them on to another LRS. Advanced in the same transaction
-- as what the reader did with the statements, so a restart resumes after the last statement dealt with.
create table xapi_reader (
    name            varchar(120)  primary key,
    stored          timestamp with time zone not null,
    seq             bigint        not null
);

-- Actors of evidence statements that match no person (yet): what IT should look at, and what a later HRIS run
-- retries. The statements themselves stay in xapi_statement (found again through its actor column).
create table xapi_unmatched_actor (
    actor_ifi       varchar(2048) primary key,
    statements      integer       not null,
    first_seen      timestamp with time zone not null,
    last_seen       timestamp with time zone not null
);

-- SHA-1 of each person's work email as an xAPI mbox IRI ('mailto:' + the normalized address): mbox_sha1sum actors
-- are found by index. Kept in step with person.work_email_norm by the hub before it looks hashes up.
create table xapi_mbox_sha1 (
    person_id       varchar(36)   primary key,
    email_norm      varchar(320)  not null,
    sha1            varchar(40)   not null
);
create index ix_xapi_mbox_sha1 on xapi_mbox_sha1 (sha1);

-- Statements a forwarding target refused for good (a 4xx other than 408/429 for that statement alone): kept so
-- that IT sees them, and so that one bad statement does not hold back the others.
create table xapi_forward_failure (
    target_id       varchar(100)  not null,
    statement_id    varchar(36)   not null,
    http_status     integer,
    error           varchar(4000),
    failed_at       timestamp with time zone not null,
    constraint pk_xapi_forward_failure primary key (target_id, statement_id)
);

-- Activity ids are IRIs of up to 2048 characters; LMS course ids were never that long.
alter table learning_record alter column activity_id set data type varchar(2048);
-- An activity id is looked up as the external id of a catalog source of any provider.
create index ix_content_source_external on content_source (external_id);

-- Speed of the Statements resource (issue 5's benchmark): every index on xapi_statement is paid by every statement
-- stored. Which stored statements void a given one was an index on object_statement_id over all statements; the few
-- voiding statements now name their targets in a table of their own, read by the same one lookup per batch. A
-- StatementRef filter still reads object_statement_id, joining on the statement id's index.
create table xapi_voiding (
    target_id       varchar(36)   not null,
    voiding_id      varchar(36)   not null,
    constraint pk_xapi_voiding primary key (target_id, voiding_id)
);
insert into xapi_voiding (target_id, voiding_id) select object_statement_id, id from xapi_statement where voiding = true;
drop index ix_xapi_statement_target;
