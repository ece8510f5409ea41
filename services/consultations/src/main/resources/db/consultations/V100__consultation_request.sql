create table consultation_request (
    consultation_id uuid         primary key,
    patient_id      uuid         not null,
    clinic_id       uuid         not null,
    conditions      text[]       not null,
    status          varchar(30)  not null,
    requested_at    timestamptz  not null,
    requested_by    varchar(100) not null
);
create index consultation_request_clinic on consultation_request (clinic_id, requested_at);
