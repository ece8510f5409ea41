-- What scheduling knows of each patient from other services' events, to gate infusion bookings:
-- the latest eligibility decision (screening) and the patient's treatment courses (treatment).
create table patient_eligibility (
    patient_id  uuid        primary key,
    decision_id uuid        not null,
    modality    varchar(20) not null,
    outcome     varchar(20) not null,
    valid_until date        not null,
    decided_at  timestamptz not null
);

create table patient_course (
    course_id  uuid        primary key,
    patient_id uuid        not null,
    clinic_id  uuid        not null,
    modality   varchar(20) not null,
    open       boolean     not null,
    changed_at timestamptz not null
);
create index patient_course_patient on patient_course (patient_id);
