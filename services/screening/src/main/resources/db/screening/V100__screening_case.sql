create table screening_case (
    case_id         uuid         primary key,
    patient_id      uuid         not null,
    clinic_id       uuid         not null,
    consultation_id uuid,
    status          varchar(30)  not null,
    opened_at       timestamptz  not null,
    opened_by       varchar(100) not null
);
create index screening_case_patient on screening_case (patient_id);
create index screening_case_clinic on screening_case (clinic_id, opened_at);
