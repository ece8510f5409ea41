-- A prescriber's reason for booking a treatment closer to the patient's others than the course
-- plan's spacing; why an appointment was cancelled, by whom (the patient or the clinic) and the note.
alter table appointment
    add column spacing_override_reason varchar(4000),
    add column cancel_reason           varchar(30),
    add column cancelled_by            varchar(10),
    add column status_note             varchar(4000);

-- Treatment holds a course until a prescriber decides: its appointments stay, flagged for the front desk.
alter table patient_course add column hold_reason varchar(200);

-- A closed or held course finds its future appointments by the course.
create index appointment_course on appointment (course_id, lower(during)) where status = 'booked';

-- The chain's patients, as consultations registered them: scheduling books no one else.
create table known_patient (
    patient_id     uuid        primary key,
    home_clinic_id uuid,
    registered_at  timestamptz not null
);

-- The front desk's day list shows a clinic day's appointments in every status.
create index appointment_clinic_day_all on appointment (clinic_day, lower(during));
