package org.carecourse.screening.clinic;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.carecourse.servicekit.data.ClinicDirectoryCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Each clinic's time zone, from screening's copy of the clinic directory. */
@Component
public class ClinicZones extends ClinicDirectoryCopy {

    ClinicZones(JdbcClient jdbc) {
        super(jdbc);
    }

    /** The clinic's zone; UTC for a clinic the directory has not announced yet. */
    public ZoneId of(UUID clinicId) {
        return zone(clinicId).orElse(ZoneOffset.UTC);
    }
}
