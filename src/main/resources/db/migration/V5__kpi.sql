-- Outcome KPIs: the requisitions (open roles and how they were filled) that the internal fill rate counts.
-- Portable SQL: the same file runs on H2 (default) and PostgreSQL.

create table requisition (
    id              varchar(200) primary key,       -- '<system>:<external id>'
    system          varchar(60)  not null,
    external_id     varchar(150) not null,
    title           varchar(300),
    role_id         varchar(200),                   -- job_role id: '<system>:<job profile external id>'
    org_unit_id     varchar(200),                   -- org_unit id: '<system>:<org unit external id>'
    status          varchar(20)  not null,          -- open, filled, cancelled
    opened_date     date,
    filled_date     date,
    fill_source     varchar(20),                    -- internal, external (when filled)
    hired_person_id varchar(36),                    -- the person who filled it, once known to the hub
    hired_person_ref varchar(500),                  -- the hired person as the source named them
    record_hash     varchar(64),                    -- null while the hired person is unresolved: the next run retries
    last_seen_run   bigint,
    active          boolean      not null default true,
    updated_at      timestamp with time zone not null,
    constraint uq_requisition_source unique (system, external_id)
);
create index ix_requisition_filled on requisition (filled_date);
