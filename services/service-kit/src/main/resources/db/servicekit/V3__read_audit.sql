-- Every read of a patient's data (demographics, screening answers, history, decisions, courses):
-- who read it, in which role, from which clinics, what and whose, and why. Written in a
-- transaction of its own, so a read is on record even if its response fails afterwards.
create table read_audit (
    id            bigserial     primary key,
    read_at       timestamptz   not null default now(),
    reader_id     varchar(255)  not null,
    reader_role   varchar(30)   not null,
    reader_clinics varchar(2000) not null,
    view          varchar(64)   not null,
    subject_id    uuid,
    patient_id    uuid,
    clinic_id     uuid,
    purpose       varchar(4000)
);
create index read_audit_patient on read_audit (patient_id, read_at);
create index read_audit_subject on read_audit (subject_id, read_at);
create index read_audit_reader on read_audit (reader_id, read_at);
