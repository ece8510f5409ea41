-- The clinic directory, copied from scheduling's events: screening needs each clinic's time zone
-- to date decisions in the clinic's own calendar.
create table clinic (
    clinic_id uuid         primary key,
    name      varchar(120) not null,
    time_zone varchar(60)  not null
);
