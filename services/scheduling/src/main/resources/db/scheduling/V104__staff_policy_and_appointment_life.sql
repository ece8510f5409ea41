-- Each clinic's scheduling rules (REMS certification, nurse ratio, notice, grace, reminders and
-- appointment types), as last set.
create table clinic_policy (
    clinic_id uuid  primary key,
    policy    jsonb not null
);

-- Who works where, in which role, on which weekly shifts (the clinic's clock).
create table staff_assignment (
    clinic_id uuid         not null,
    staff_id  uuid         not null,
    name      varchar(200) not null,
    role      varchar(20)  not null,
    shifts    jsonb        not null,
    primary key (clinic_id, staff_id)
);
create index staff_assignment_staff on staff_assignment (staff_id);

-- Appointments now live on: they hold their clinic day (the aggregate that decided them), the
-- clinician and the monitoring seat they take, the course they serve, and the chair's turnover
-- after them. An admin's override (with its reason) is exempt from the chair and staff guards,
-- never from the patient's.
alter table appointment
    add column clinic_day        varchar(60),
    add column chair_during      tstzrange,
    add column staff_id          uuid,
    add column staff_seat        integer,
    add column course_id         uuid,
    add column series_id         uuid,
    add column override_reason   varchar(4000),
    add column late              boolean not null default false,
    add column status_changed_at timestamptz,
    add column replaced_by       uuid;
update appointment a set chair_during = a.during,
    clinic_day = a.clinic_id || '/' || to_char((lower(a.during) at time zone c.time_zone)::date, 'YYYY-MM-DD')
from clinic c where c.clinic_id = a.clinic_id;
alter table appointment alter column chair_during set not null, alter column clinic_day set not null;

alter table appointment drop constraint chair_double_booking, drop constraint patient_double_booking;
alter table appointment
    add constraint chair_double_booking exclude using gist (chair_id with =, chair_during with &&)
        where (status in ('booked', 'checked-in', 'completed') and override_reason is null),
    add constraint patient_double_booking exclude using gist (patient_id with =, during with &&)
        where (status in ('booked', 'checked-in', 'completed')),
    add constraint staff_double_booking exclude using gist (staff_id with =, staff_seat with =, during with &&)
        where (status in ('booked', 'checked-in', 'completed') and override_reason is null and staff_id is not null);
create index appointment_patient on appointment (patient_id, lower(during));

-- The course's plan, so a series can be booked by it.
alter table patient_course
    add column induction_count       integer,
    add column induction_window_days integer,
    add column minimum_spacing_hours integer;
