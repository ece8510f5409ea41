package org.carecourse.testkit;

import java.time.Duration;

/**
 * How long the fault tests' outages last and how fast consumers retry through them. In production
 * a consumer backs off from 1 s to 30 s over about 18 minutes (the kit's defaults), so a test that
 * kept those would need minute-long outages to show several retries meeting the outage. The fault
 * tests shorten the back-off instead (the same code path, the same number of attempts) and keep
 * the outage several back-offs long, so it still outlasts the first retries and the consumer
 * still has to come back by itself; the whole test then takes seconds.
 *
 * <p>The outage is {@value #DEFAULT_OUTAGE_SECONDS} s unless {@code -Dcarecourse.test.outage-seconds}
 * says otherwise (longer on a slow machine, or to watch the kit's real back-off by also overriding
 * the properties below).
 */
public final class FaultTiming {

    /** First back-off of an inbound retry in the fault tests (production: 1 s). */
    public static final String FAST_BACK_OFF = "spring.cloud.stream.default.consumer.back-off-initial-interval=100";

    /** Longest back-off in the fault tests (production: 30 s), well under the outage. */
    public static final String FAST_BACK_OFF_CAP = "spring.cloud.stream.default.consumer.back-off-max-interval=1000";

    /**
     * How long a consumer's attempt waits for a connection while the database refuses them
     * (production: 5 s), so an attempt fails in a second and the next back-off starts.
     */
    public static final String FAST_CONNECTION_TIMEOUT = "spring.datasource.hikari.connection-timeout=1000";

    /** Failed attempts a consumer must have made while the database was away: the outage outlasted them. */
    public static final int RETRIES_MET_DURING_OUTAGE = 3;

    static final int DEFAULT_OUTAGE_SECONDS = 8;

    /**
     * A broker outage: the relay's sends fail after the producer's 10 s delivery timeout, so 20 s
     * makes a relay batch fail and be retried while the broker is still away. (It was a minute
     * while a 25 s outage could show a patient's records out of order; the relay's batches are
     * Kafka transactions since, and consumers read committed records only.)
     */
    static final int DEFAULT_BROKER_OUTAGE_SECONDS = 20;

    private FaultTiming() {
    }

    /** How long a fault test keeps its broker away ({@code -Dcarecourse.test.broker-outage-seconds}). */
    public static Duration brokerOutage() {
        return Duration.ofSeconds(Integer.getInteger("carecourse.test.broker-outage-seconds", DEFAULT_BROKER_OUTAGE_SECONDS));
    }

    /** How long a fault test keeps its database away. */
    public static Duration outage() {
        return Duration.ofSeconds(Integer.getInteger("carecourse.test.outage-seconds", DEFAULT_OUTAGE_SECONDS));
    }
}
