-- Operations' own grouping of clinics for reporting (e.g. "Front Range", "Midwest"). Not a read
-- model: set by an admin, kept across rebuilds, with who set it and when.
create table clinic_region (
    clinic_id uuid primary key,
    region    varchar(60) not null,
    set_by    varchar(200) not null,
    set_at    timestamptz not null
);
create index clinic_region_by_region on clinic_region (region);
