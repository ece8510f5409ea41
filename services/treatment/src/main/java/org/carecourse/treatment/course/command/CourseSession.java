package org.carecourse.treatment.course.command;

import java.time.Instant;
import java.util.UUID;

/** What the course asks of either kind of session, e.g. to take an adverse-event report after discharge. */
interface CourseSession {

    UUID clinicId();

    Instant began();

    /** The discharge or abort; null while the session is in progress. */
    Instant ended();
}
