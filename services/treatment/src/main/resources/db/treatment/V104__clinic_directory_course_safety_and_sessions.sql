-- The clinic directory, copied from scheduling's events: eligibility expires, and a clinic's day
-- begins, in the clinic's own time zone.
create table clinic (
    clinic_id    uuid         primary key,
    name         varchar(120) not null,
    time_zone    varchar(60)  not null,
    announced_at timestamptz  not null default '-infinity'
);

-- The instruments screening scored for the decision: a course's baseline.
alter table eligibility_decision add column scores jsonb not null default '[]';

-- Safety alerts of open courses, the clinic's queue until a prescriber documents the follow-up.
create table course_safety_alert (
    alert_id    uuid         primary key,
    course_id   uuid         not null,
    patient_id  uuid         not null,
    clinic_id   uuid         not null,
    trigger     varchar(40)  not null,
    source      varchar(20)  not null,
    raised_at   timestamptz  not null,
    resolved_at timestamptz,
    disposition varchar(40)
);
create index course_safety_alert_queue on course_safety_alert (clinic_id, raised_at) where resolved_at is null;

-- Every session, where and when it ran: "today's sessions at this clinic" in the clinic's day.
create table course_session (
    session_id uuid        primary key,
    course_id  uuid        not null,
    patient_id uuid        not null,
    clinic_id  uuid        not null,
    modality   varchar(20) not null,
    status     varchar(20) not null,
    started_at timestamptz not null,
    ended_at   timestamptz
);
create index course_session_clinic_day on course_session (clinic_id, started_at);
create index course_session_course on course_session (course_id);
