package org.carecourse.consultations.consultation.query;

import org.carecourse.servicekit.data.ClinicDirectoryCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The local copy of scheduling's clinic directory, which public requests are checked against. */
@Component
public class ClinicDirectory extends ClinicDirectoryCopy {

    ClinicDirectory(JdbcClient jdbc) {
        super(jdbc);
    }
}
