-- The chain's patient index: the only table holding demographics. name_key, phone_digits and
-- email_lower exist for likely-duplicate detection.
create table patient (
    patient_id     uuid         primary key,
    given_name     varchar(100) not null,
    family_name    varchar(100) not null,
    date_of_birth  date         not null,
    sex            varchar(10)  not null,
    phone          varchar(30),
    email          varchar(200),
    name_key       varchar(210) not null,
    phone_digits   varchar(30),
    email_lower    varchar(200),
    home_clinic_id uuid         not null,
    registered_at  timestamptz  not null
);
create index patient_identity on patient (name_key, date_of_birth);

alter table consultation_request add column contact_preference varchar(10) not null default 'phone';
alter table consultation_request add column referral_source varchar(30);
alter table consultation_request add column channel varchar(10) not null default 'staff';
alter table consultation_request add column outcome varchar(30);
alter table consultation_request add column outcome_reason text;
alter table consultation_request add column completed_at timestamptz;
alter table consultation_request add column completed_by varchar(100);

-- The clinic directory, copied from scheduling's events.
create table clinic (
    clinic_id uuid         primary key,
    name      varchar(120) not null,
    time_zone varchar(60)  not null
);
