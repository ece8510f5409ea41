package org.carecourse.treatment.clinic;

import org.carecourse.servicekit.data.ClinicDirectoryCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Treatment's copy of the clinic directory: a course's eligibility expires at the end of its last
 * valid day in the zone of the clinic treating the patient, and "today's sessions" are that
 * clinic's day.
 */
@Component
public class ClinicDirectory extends ClinicDirectoryCopy {

    ClinicDirectory(JdbcClient jdbc) {
        super(jdbc);
    }
}
