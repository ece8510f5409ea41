package org.carecourse.benchmarks;

/**
 * What one run produced: how many operations succeeded in how long, their latencies and the
 * failures. {@code unit} names what was counted (requests, rows, events, records);
 * {@code cpuSeconds} is the whole machine's busy CPU time over the measured window (every
 * process: platform, PostgreSQL, Kafka, driver), NaN where it was not read.
 */
record Measured(long operations, long errors, double seconds, Latencies latencies, String unit, double cpuSeconds) {

    Measured(long operations, long errors, double seconds, Latencies latencies, String unit) {
        this(operations, errors, seconds, latencies, unit, Double.NaN);
    }

    double perSecond() {
        return seconds <= 0 ? Double.NaN : operations / seconds;
    }

    double p50() {
        return latencies == null ? Double.NaN : latencies.percentileMillis(50);
    }

    double p99() {
        return latencies == null ? Double.NaN : latencies.percentileMillis(99);
    }

    /** Busy CPU milliseconds of the whole machine per operation: what one operation costs, whatever the load. */
    double cpuMillisPerOperation() {
        return operations == 0 ? Double.NaN : cpuSeconds * 1000 / operations;
    }

    static Measured throughputOnly(long operations, double seconds, String unit) {
        return new Measured(operations, 0, seconds, null, unit);
    }
}
