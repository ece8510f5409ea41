create table protocol_version (
    clinic_id      uuid        not null,
    version        integer     not null,
    effective_from timestamptz not null,
    parameters     jsonb       not null,
    primary key (clinic_id, version)
);
