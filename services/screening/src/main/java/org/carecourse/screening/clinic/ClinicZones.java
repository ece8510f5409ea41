package org.carecourse.screening.clinic;

import org.carecourse.servicekit.data.ClinicDirectoryCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Each clinic's time zone, from screening's copy of the clinic directory ({@link #requireZone}: unknown is refused, not UTC). */
@Component
public class ClinicZones extends ClinicDirectoryCopy {

    ClinicZones(JdbcClient jdbc) {
        super(jdbc);
    }

}
