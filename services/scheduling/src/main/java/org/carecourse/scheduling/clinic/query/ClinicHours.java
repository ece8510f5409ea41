package org.carecourse.scheduling.clinic.query;

import java.util.Optional;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.carecourse.scheduling.clinic.api.OpeningHours;
import org.carecourse.scheduling.clinic.api.OpeningHoursSetEvent;
import org.carecourse.servicekit.data.ClinicSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Each clinic's opening hours as last set; kept in the command's transaction, so bookings see them at once. */
@Component
@ProcessingGroup("scheduling-resources")
public class ClinicHours {

    private final ClinicSettings<OpeningHours> hours;

    ClinicHours(JdbcClient jdbc) {
        this.hours = new ClinicSettings<>(jdbc, "clinic_hours", "hours", OpeningHours.class);
    }

    @EventHandler
    void on(OpeningHoursSetEvent event) {
        hours.set(event.clinicId(), event.hours());
    }

    @ResetHandler
    void reset() {
        hours.clear();
    }

    /** The clinic's hours; none while its admins have not set them (it is then bookable at any hour). */
    public Optional<OpeningHours> of(UUID clinicId) {
        return hours.of(clinicId);
    }
}
