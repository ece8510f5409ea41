-- Chairs and rooms of each clinic, with what they can be used for.
create table chair (
    chair_id     uuid         primary key,
    clinic_id    uuid         not null,
    name         varchar(200) not null,
    capabilities varchar(200) not null
);
create index chair_clinic on chair (clinic_id);

-- Every booking, written in the booking's own transaction. The exclusion constraints are the
-- second guard against double booking (the chair's day aggregate is the first): no two live
-- bookings of a chair, or of a patient anywhere in the chain, overlap in time.
create extension if not exists btree_gist;
create table appointment (
    appointment_id uuid         primary key,
    clinic_id      uuid         not null,
    chair_id       uuid         not null,
    patient_id     uuid         not null,
    type           varchar(20)  not null,
    status         varchar(20)  not null,
    during         tstzrange    not null,
    booked_at      timestamptz  not null,
    constraint chair_double_booking exclude using gist (chair_id with =, during with &&) where (status = 'booked'),
    constraint patient_double_booking exclude using gist (patient_id with =, during with &&) where (status = 'booked')
);
create index appointment_clinic_day on appointment (clinic_id, lower(during));
