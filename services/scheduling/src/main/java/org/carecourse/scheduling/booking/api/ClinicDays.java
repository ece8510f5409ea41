package org.carecourse.scheduling.booking.api;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A clinic's day is identified by the clinic and the date on its clock: {@code <clinicId>/<yyyy-mm-dd>}.
 * It is the unit that decides bookings: chairs, clinicians' seats and the nurse ratio are counted
 * across the whole day of one clinic.
 */
public final class ClinicDays {

    private ClinicDays() {
    }

    public static String id(UUID clinicId, LocalDate clinicDate) {
        return clinicId + "/" + clinicDate;
    }
}
