package org.carecourse.benchmarks;

/**
 * What one run produced: how many operations succeeded in how long, their latencies and the
 * failures. {@code unit} names what was counted (requests, rows, events, records).
 */
record Measured(long operations, long errors, double seconds, Latencies latencies, String unit) {

    double perSecond() {
        return seconds <= 0 ? Double.NaN : operations / seconds;
    }

    double p50() {
        return latencies == null ? Double.NaN : latencies.percentileMillis(50);
    }

    double p99() {
        return latencies == null ? Double.NaN : latencies.percentileMillis(99);
    }

    static Measured throughputOnly(long operations, double seconds, String unit) {
        return new Measured(operations, 0, seconds, null, unit);
    }
}
