-- The plan and member a superbill is claimed against (null for self-pay).
alter table coverage add column insured jsonb;
