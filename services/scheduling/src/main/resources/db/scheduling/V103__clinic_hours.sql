-- Each clinic's opening hours (weekly ranges and closed dates on its own clock), as last set.
create table clinic_hours (
    clinic_id uuid  primary key,
    hours     jsonb not null
);
