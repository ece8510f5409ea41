-- Every booking reads its clinic day's appointments (the capacity check before the lock, the
-- availability search): by the day's key, not by a scan.
create index appointment_clinic_day_key on appointment (clinic_day) where status in ('booked', 'checked-in', 'completed');
