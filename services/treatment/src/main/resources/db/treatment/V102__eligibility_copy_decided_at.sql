-- When screening decided: a replayed or late older decision must never replace a newer one.
alter table eligibility_decision add column decided_at timestamptz not null default '-infinity';
