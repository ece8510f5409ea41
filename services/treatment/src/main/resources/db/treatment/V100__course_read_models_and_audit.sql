-- Tamper evidence: one link per stored course event, written in the appending transaction.
-- link_hash = sha256(previous link_hash || the event exactly as stored).
create table course_hash_chain (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    event_identifier     varchar(255) not null unique,
    link_hash            char(64)     not null,
    primary key (aggregate_identifier, sequence_number)
);

create table treatment_course (
    course_id    uuid        primary key,
    patient_id   uuid        not null,
    clinic_id    uuid        not null,
    modality     varchar(20) not null,
    phase        varchar(20) not null,
    opened_at    timestamptz not null
);
create index treatment_course_patient on treatment_course (patient_id);

-- Every clinic a course has been at: its clinicians may read it.
create table course_clinic (
    course_id uuid not null,
    clinic_id uuid not null,
    primary key (course_id, clinic_id)
);

create table rems_form (
    session_id   uuid        primary key,
    course_id    uuid        not null,
    clinic_id    uuid        not null,
    due_by       timestamptz not null,
    submitted_at timestamptz,
    late         boolean
);

-- The latest eligibility decision per patient, copied from screening's events.
create table eligibility_decision (
    patient_id       uuid         primary key,
    decision_id      uuid         not null,
    source_event_id  uuid         not null,
    clinic_id        uuid         not null,
    modality         varchar(20)  not null,
    outcome          varchar(20)  not null,
    protocol_version integer      not null,
    valid_until      date         not null
);

-- Who read which course, when, from which clinic, and why.
create table course_read_audit (
    id         bigserial    primary key,
    course_id  uuid         not null,
    reader_id  varchar(100) not null,
    reader_role varchar(30) not null,
    clinic_ids text         not null,
    purpose    varchar(500) not null,
    view       varchar(30)  not null,
    read_at    timestamptz  not null default now()
);
create index course_read_audit_course on course_read_audit (course_id, read_at);
