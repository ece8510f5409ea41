create table clinic (
    clinic_id uuid         primary key,
    name      varchar(120) not null,
    time_zone varchar(60)  not null
);
