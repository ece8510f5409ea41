-- Patients waiting for an earlier slot at chosen clinics, oldest first; an open offer is the slot
-- a cancellation freed for them, until the front desk books or the patient declines it.
create table waitlist_entry (
    entry_id        uuid        primary key,
    patient_id      uuid        not null,
    type            varchar(20) not null,
    clinic_ids      uuid[]      not null,
    not_before      timestamptz not null,
    ends_before     timestamptz not null,
    status          varchar(20) not null,
    joined_at       timestamptz not null,
    offer_freed_by  uuid,
    offer_clinic_id uuid,
    offer_chair_id  uuid,
    offer_starts_at timestamptz
);
create index waitlist_entry_waiting on waitlist_entry (type, joined_at) where status = 'waiting';
