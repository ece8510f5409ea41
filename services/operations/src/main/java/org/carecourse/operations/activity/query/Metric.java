package org.carecourse.operations.activity.query;

/** A figure kept per clinic and day: a count, minutes, or an amount in the clinic's currency. */
public enum Metric {
    APPOINTMENTS_BOOKED("appointments-booked"),
    BOOKED_CHAIR_MINUTES("booked-chair-minutes"),
    /** Computed when read: the clinic's chairs times its open minutes that day. */
    AVAILABLE_CHAIR_MINUTES("available-chair-minutes"),
    /** Computed when read: booked over available chair-minutes. */
    CHAIR_UTILIZATION("chair-utilization"),
    CANCELLATIONS("cancellations"),
    LATE_CANCELLATIONS("late-cancellations"),
    NO_SHOWS("no-shows"),
    APPOINTMENTS_COMPLETED("appointments-completed"),
    IV_SESSIONS("iv-sessions"),
    SPRAVATO_SESSIONS("spravato-sessions"),
    INFUSIONS_ADMINISTERED("infusions-administered"),
    CHARGED("charged"),
    PAID("paid"),
    REFUNDED("refunded");

    private final String code;

    Metric(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
