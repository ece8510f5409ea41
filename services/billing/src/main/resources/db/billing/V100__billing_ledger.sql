-- Billing's read models, kept from its own events in the transaction that stores them, and its copies
-- of other services' facts. Money is numeric(12,2): exact, two decimals.

create table clinic (
    clinic_id    uuid primary key,
    name         text not null,
    time_zone    text not null,
    announced_at timestamptz not null
);

create table fee_schedule_version (
    clinic_id      uuid not null,
    version        int not null,
    effective_from date not null,
    schedule       jsonb not null,
    published_at   timestamptz not null default now(),
    primary key (clinic_id, version),
    unique (clinic_id, effective_from)
);

-- What a clinic prints on a superbill: its legal name, NPI, TIN and address, and its rendering provider.
create table billing_profile (
    clinic_id uuid primary key,
    profile   jsonb not null
);

create table course_copy (
    course_id  uuid primary key,
    patient_id uuid not null,
    modality   text not null,
    indication text,
    phase      text not null default 'induction'
);

create table session_copy (
    session_id uuid primary key,
    course_id  uuid not null,
    patient_id uuid not null,
    clinic_id  uuid,
    modality   text not null,
    dose_mg    numeric(8, 2),
    started_at timestamptz not null,
    started_by text not null,
    -- What ran and the charge that bills it now: an amended stop time or amount re-prices it.
    stopped_at timestamptz,
    mg_given   numeric(8, 2),
    charge_id  uuid
);

create table coverage (
    patient_id uuid primary key,
    payer      text not null
);

create table charge (
    charge_id          uuid primary key,
    patient_id         uuid not null,
    clinic_id          uuid not null,
    service_date       date not null,
    kind               text not null,
    currency           text not null,
    amount             numeric(12, 2) not null,
    covered_by_package uuid,
    source             text not null,
    source_id          uuid not null,
    schedule_version   int not null,
    lines              jsonb not null,
    posted_at          timestamptz not null,
    invoice_id         uuid,
    voided_at          timestamptz,
    void_reason        text,
    unique (source, source_id)
);
create index charge_patient on charge (patient_id, clinic_id);
create index charge_clinic_day on charge (clinic_id, service_date);

create table package (
    package_id     uuid primary key,
    patient_id     uuid not null,
    clinic_id      uuid not null,
    charge_id      uuid not null,
    kind           text not null,
    credits        int not null,
    credits_left   int not null,
    currency       text not null,
    price          numeric(12, 2) not null,
    credit_value   numeric(12, 2) not null,
    expires_on     date not null,
    purchased_at   timestamptz not null,
    status         text not null,
    expired_value  numeric(12, 2) not null default 0,
    refunded_value numeric(12, 2) not null default 0,
    ended_at       timestamptz
);
create index package_patient on package (patient_id);

create table credit_consumption (
    charge_id    uuid primary key,
    package_id   uuid not null,
    patient_id   uuid not null,
    sold_at      uuid not null,
    delivered_at uuid not null,
    service_date date not null,
    currency     text not null,
    value        numeric(12, 2) not null,
    consumed_at  timestamptz not null
);

create sequence invoice_number;

create table invoice (
    invoice_id uuid primary key,
    patient_id uuid not null,
    clinic_id  uuid not null,
    number     text unique,
    status     text not null,
    currency   text not null,
    total      numeric(12, 2) not null,
    credited   numeric(12, 2) not null default 0,
    paid       numeric(12, 2) not null default 0,
    refunded   numeric(12, 2) not null default 0,
    drafted_at timestamptz not null,
    issued_on  date,
    due_on     date
);
create index invoice_patient on invoice (patient_id);
create index invoice_clinic on invoice (clinic_id, status);

create table invoice_line (
    invoice_id         uuid not null,
    charge_id          uuid not null,
    kind               text not null,
    service_date       date not null,
    amount             numeric(12, 2) not null,
    covered_by_package uuid,
    primary key (invoice_id, charge_id)
);

create table payment (
    payment_id  uuid primary key,
    invoice_id  uuid not null,
    patient_id  uuid not null,
    clinic_id   uuid not null,
    method      text not null,
    reference   text,
    currency    text not null,
    amount      numeric(12, 2) not null,
    received_at timestamptz not null
);
create index payment_invoice on payment (invoice_id);

create table refund (
    refund_id   uuid primary key,
    payment_id  uuid not null,
    invoice_id  uuid not null,
    patient_id  uuid not null,
    clinic_id   uuid not null,
    currency    text not null,
    amount      numeric(12, 2) not null,
    reason      text,
    refunded_at timestamptz not null
);

create table credit_note (
    credit_note_id uuid primary key,
    invoice_id     uuid not null,
    patient_id     uuid not null,
    clinic_id      uuid not null,
    currency       text not null,
    amount         numeric(12, 2) not null,
    reason         text not null,
    note           text,
    issued_at      timestamptz not null
);

-- The cash drawer: one row in per payment, one row out per refund, written beside them; the cash
-- report is read from here alone, so it reconciles against payments and refunds independently.
create table cash_movement (
    movement_id uuid primary key,
    clinic_id   uuid not null,
    patient_id  uuid not null,
    direction   text not null check (direction in ('in', 'out')),
    method      text,
    currency    text not null,
    amount      numeric(12, 2) not null check (amount > 0),
    at          timestamptz not null
);
create index cash_movement_clinic on cash_movement (clinic_id, at);

alter table billing_profile add column updated_by text not null, add column updated_at timestamptz not null;
