-- Patients enrolled in the Spravato REMS (from treatment), so a Spravato session is booked only for them.
create table patient_rems_enrolment (
    patient_id  uuid primary key,
    course_id   uuid not null,
    enrolled_on date not null
);
