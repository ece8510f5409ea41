-- Operations' read models: aggregates per clinic and calendar day of that clinic, ids only, never names.

create table clinic (
    clinic_id    uuid primary key,
    name         text not null,
    time_zone    text not null,
    announced_at timestamptz not null
);

-- One figure of one clinic on one of its days (counts, minutes, amounts), added to as facts arrive.
create table clinic_day_activity (
    clinic_id uuid not null,
    day       date not null,
    metric    text not null,
    value     numeric(14, 2) not null,
    primary key (clinic_id, day, metric)
);

-- What a later cancellation or move of an appointment has to take back from its day.
create table appointment_copy (
    appointment_id uuid primary key,
    clinic_id      uuid not null,
    starts_at      timestamptz not null,
    minutes        int not null
);

-- Each patient's way through intake, by the clinic they first asked: when each step first happened.
create table patient_funnel (
    patient_id       uuid primary key,
    clinic_id        uuid,
    requested_at     timestamptz,
    consulted_at     timestamptz,
    screened_at      timestamptz,
    eligible_at      timestamptz,
    first_session_at timestamptz
);
create index patient_funnel_clinic on patient_funnel (clinic_id, requested_at);
