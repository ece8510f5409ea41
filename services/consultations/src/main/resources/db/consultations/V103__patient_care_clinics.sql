-- The clinics caring for a patient besides the home clinic, from other services' events (a
-- treatment course opened or transferred there; later, appointments): their staff read the
-- patient's demographics too.
create table patient_care_clinic (
    patient_id uuid        not null,
    clinic_id  uuid        not null,
    reason     varchar(40) not null,
    since      timestamptz not null,
    primary key (patient_id, clinic_id)
);
