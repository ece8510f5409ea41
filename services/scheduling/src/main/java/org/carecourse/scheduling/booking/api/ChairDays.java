package org.carecourse.scheduling.booking.api;

import java.time.LocalDate;
import java.util.UUID;

/** A chair's day is identified by the chair and the date in its clinic's zone: {@code <chairId>/<yyyy-mm-dd>}. */
public final class ChairDays {

    private ChairDays() {
    }

    public static String id(UUID chairId, LocalDate clinicDate) {
        return chairId + "/" + clinicDate;
    }
}
