-- The course chain now lives in the kit's table, shared by every chained stream of the service.
insert into event_hash_chain (aggregate_identifier, sequence_number, event_identifier, link_hash, aggregate_type)
select aggregate_identifier, sequence_number, event_identifier, link_hash, 'TreatmentCourse'
from course_hash_chain order by aggregate_identifier, sequence_number;
drop table course_hash_chain;
