package org.carecourse.benchmarks;

import java.util.Arrays;

/** Latency samples of one measured run, in nanoseconds; percentiles by rank, nothing interpolated. */
final class Latencies {

    private long[] samples = new long[1024];
    private int count;

    synchronized void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    synchronized void addAll(Latencies other) {
        synchronized (other) {
            for (int i = 0; i < other.count; i++) {
                add(other.samples[i]);
            }
        }
    }

    synchronized long[] samples() {
        return Arrays.copyOf(samples, count);
    }

    synchronized int count() {
        return count;
    }

    /** The value below which {@code percent} of the samples lie, in milliseconds; NaN when empty. */
    synchronized double percentileMillis(double percent) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, rank))] / 1_000_000.0;
    }
}
