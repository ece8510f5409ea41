package org.carecourse.treatment.course.command;

import java.util.UUID;

/** Who and where a course is now: what every event a policy decides for the course names. */
record CourseRef(UUID courseId, UUID patientId, UUID clinicId) {
}
