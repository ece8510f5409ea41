package org.carecourse.billing.clinic;

import org.carecourse.servicekit.data.ClinicDirectoryCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Billing's copy of the clinic directory: a charge's service date is the clinic's calendar day. */
@Component
public class ClinicDirectory extends ClinicDirectoryCopy {

    ClinicDirectory(JdbcClient jdbc) {
        super(jdbc);
    }
}
