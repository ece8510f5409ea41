-- Course reads join every other read in the kit's read_audit (one audit per service, one shape).
insert into read_audit (read_at, reader_id, reader_role, reader_clinics, view, subject_id, patient_id, clinic_id, purpose)
select r.read_at, r.reader_id, r.reader_role, r.clinic_ids, r.view, r.course_id, c.patient_id, c.clinic_id, r.purpose
from course_read_audit r left join treatment_course c on c.course_id = r.course_id
order by r.id;
drop table course_read_audit;
