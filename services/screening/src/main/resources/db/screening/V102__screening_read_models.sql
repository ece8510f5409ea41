alter table screening_case add column open_alert_id uuid;
alter table screening_case add column decided_outcome varchar(20);

-- Item answers are clinical data: readable by clinicians and auditors only (see the web layer).
create table instrument_submission (
    submission_id      uuid         primary key,
    case_id            uuid         not null references screening_case (case_id),
    instrument         varchar(10)  not null,
    answers            jsonb        not null,
    total              integer      not null,
    band               varchar(30)  not null,
    safety_concern     boolean      not null,
    provisional_ptsd   boolean,
    dsm5_cluster_met   boolean,
    submitted_at       timestamptz  not null,
    submitted_by       varchar(100) not null
);
create index instrument_submission_case on instrument_submission (case_id, submitted_at);

create table clinical_history (
    case_id     uuid         primary key references screening_case (case_id),
    history     jsonb        not null,
    recorded_at timestamptz  not null,
    recorded_by varchar(100) not null
);

create table safety_alert (
    alert_id      uuid         primary key,
    case_id       uuid         not null references screening_case (case_id),
    patient_id    uuid         not null,
    clinic_id     uuid         not null,
    trigger       varchar(40)  not null,
    status        varchar(10)  not null,
    raised_at     timestamptz  not null,
    resolved_at   timestamptz,
    resolved_by   varchar(100),
    cssrs_risk    varchar(20),
    disposition   varchar(30),
    safety_plan   text
);
create index safety_alert_clinic on safety_alert (clinic_id, status, raised_at);

create table eligibility_decision (
    decision_id      uuid         primary key,
    case_id          uuid         not null unique references screening_case (case_id),
    modality         varchar(20)  not null,
    outcome          varchar(20)  not null,
    proposed_outcome varchar(20)  not null,
    override_reason  text,
    rules_fired      jsonb        not null,
    scores           jsonb        not null,
    protocol_version integer      not null,
    valid_until      date         not null,
    signed_at        timestamptz  not null,
    signed_by        varchar(100) not null
);
