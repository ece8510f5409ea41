-- The patient's postal address, for superbills and claims; null until given.
alter table patient add column address jsonb;
