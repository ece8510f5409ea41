create table treatment_protocol_version (
    clinic_id      uuid        not null,
    version        integer     not null,
    effective_from timestamptz not null,
    protocol       jsonb       not null,
    primary key (clinic_id, version)
);
