package org.carecourse.contracts.scheduling;

import org.carecourse.contracts.Topics;

/** Topics the scheduling context produces. */
public final class SchedulingTopics {

    public static final String CLINIC = Topics.name("scheduling", "clinic", 1);
    /** Bookings, keyed by patient. */
    public static final String APPOINTMENT = Topics.name("scheduling", "appointment", 1);

    private SchedulingTopics() {
    }
}
