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

-- What needs someone's attention at a clinic now: safety alerts not yet followed up, REMS forms owed.
create table safety_alert (
    alert_id    uuid primary key,
    clinic_id   uuid not null,
    source      text not null,
    raised_at   timestamptz not null,
    resolved_at timestamptz
);
create index safety_alert_open on safety_alert (clinic_id) where resolved_at is null;

create table rems_form (
    session_id   uuid primary key,
    clinic_id    uuid not null,
    due_by       timestamptz not null,
    submitted_at timestamptz
);
create index rems_form_owed on rems_form (clinic_id, due_by) where submitted_at is null;

-- Each course's sessions so far and its latest assessment on its target instrument, at the clinic treating it.
create table course_outcome (
    course_id   uuid primary key,
    clinic_id   uuid not null,
    sessions    int not null default 0,
    response    boolean,
    remission   boolean,
    assessed_at timestamptz
);
create index course_outcome_clinic on course_outcome (clinic_id);

-- What each issued invoice still asks, from billing's events: the clinics' receivables by age.
create table invoice_balance (
    invoice_id uuid primary key,
    clinic_id  uuid not null,
    currency   text not null,
    issued_on  date not null,
    total      numeric(12, 2) not null,
    credited   numeric(12, 2) not null default 0,
    paid       numeric(12, 2) not null default 0,
    refunded   numeric(12, 2) not null default 0
);
create index invoice_balance_clinic on invoice_balance (clinic_id);

-- What each clinic can offer: its chairs and rooms, and its opening hours as last set.
create table clinic_chair (
    chair_id  uuid primary key,
    clinic_id uuid not null
);
create index clinic_chair_clinic on clinic_chair (clinic_id);

create table clinic_hours (
    clinic_id uuid primary key,
    weekly    jsonb not null,
    closures  jsonb not null,
    set_at    timestamptz not null
);
