-- When scheduling announced the clinic's details: an older announcement replayed never wins.
alter table clinic add column announced_at timestamptz not null default '-infinity';
