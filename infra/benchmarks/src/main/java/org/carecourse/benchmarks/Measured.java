package org.carecourse.benchmarks;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one run produced: how many operations succeeded in how long, their latencies and the
 * failures. {@code unit} names what was counted (requests, rows, events, records);
 * {@code cpuSeconds} is the whole machine's busy CPU time over the measured window (every
 * process: platform, PostgreSQL, Kafka, driver), NaN where it was not read.
 */
record Measured(long operations, long errors, double seconds, Latencies latencies, String unit, double cpuSeconds,
        Map<String, Double> cpuByPart) {

    Measured(long operations, long errors, double seconds, Latencies latencies, String unit) {
        this(operations, errors, seconds, latencies, unit, Double.NaN, Map.of());
    }

    Measured(long operations, long errors, double seconds, Latencies latencies, String unit, MachineCpu.Reading cpu) {
        this(operations, errors, seconds, latencies, unit, cpu.total(), cpu.parts());
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

    /** Each part's busy CPU milliseconds per operation (platform JVM, PostgreSQL, Kafka broker, …), largest first. */
    String cpuSplit() {
        return cpuByPart.entrySet().stream()
                .filter(part -> part.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(part -> part.getKey() + " " + Report.ms(part.getValue() * 1000 / Math.max(1, operations)))
                .collect(Collectors.joining(", "));
    }

    static Measured throughputOnly(long operations, double seconds, String unit) {
        return new Measured(operations, 0, seconds, null, unit);
    }
}
