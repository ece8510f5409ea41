package org.carecourse.operations.clinic;

import org.carecourse.servicekit.data.ClinicDirectoryCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Operations' copy of the clinic directory: every figure falls on the clinic's own calendar day. */
@Component
public class ClinicDirectory extends ClinicDirectoryCopy {

    ClinicDirectory(JdbcClient jdbc) {
        super(jdbc);
    }
}
