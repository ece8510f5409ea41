package org.carecourse.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives an operation closed-loop (N clients, each sending its next request when the last one
 * answered) or open-loop (a fixed rate, whatever the answers take). Latency in open loop counts
 * from the moment a request was due, so a stalled server shows as latency, not as a lower rate.
 */
final class LoadDriver {

    /** One call; returns true when it succeeded (e.g. a 2xx). Exceptions count as errors. */
    @FunctionalInterface
    interface Operation {
        boolean call(int client, long sequence) throws Exception;
    }

    private LoadDriver() {
    }

    static Measured closedLoop(int clients, Duration warmUp, Duration duration, String unit, Operation operation)
            throws Exception {
        return closedLoop(clients, warmUp, duration, unit, operation, ProcessHandle.current().pid());
    }

    /** As above; {@code platformPid} names the JVM running the services, for the CPU split (a separate driver's parent). */
    static Measured closedLoop(int clients, Duration warmUp, Duration duration, String unit, Operation operation, long platformPid)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong sequence = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + duration.toNanos();
        List<Future<long[]>> results = new ArrayList<>();
        Latencies latencies = new Latencies();
        for (int c = 0; c < clients; c++) {
            int client = c;
            results.add(pool.submit(() -> {
                long ok = 0;
                long failed = 0;
                for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                    boolean success;
                    try {
                        success = operation.call(client, sequence.getAndIncrement());
                    } catch (Exception e) {
                        success = false;
                    }
                    long done = System.nanoTime();
                    if (now >= measureFrom) {
                        latencies.add(done - now);
                        if (success) {
                            ok++;
                        } else {
                            failed++;
                        }
                    }
                }
                return new long[] {ok, failed};
            }));
        }
        LockSupport.parkNanos(measureFrom - System.nanoTime());
        MachineCpu.Reading cpuFrom = MachineCpu.read(platformPid);
        long ok = 0;
        long failed = 0;
        for (Future<long[]> result : results) {
            long[] counts = result.get();
            ok += counts[0];
            failed += counts[1];
        }
        double seconds = (System.nanoTime() - measureFrom) / 1e9;
        MachineCpu.Reading cpu = MachineCpu.read(platformPid).since(cpuFrom);
        pool.shutdown();
        return new Measured(ok, failed, seconds, latencies, unit, cpu);
    }

    static Measured openLoop(double perSecond, Duration duration, int maxInFlight, String unit, Operation operation)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(maxInFlight);
        long interval = (long) (1e9 / perSecond);
        long total = (long) (perSecond * duration.toMillis() / 1000.0);
        Latencies latencies = new Latencies();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        MachineCpu.Reading cpuFrom = MachineCpu.read(ProcessHandle.current().pid());
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long sequence = i;
            pool.execute(() -> {
                boolean success;
                try {
                    success = operation.call((int) (sequence % maxInFlight), sequence);
                } catch (Exception e) {
                    success = false;
                }
                latencies.add(System.nanoTime() - due);
                (success ? ok : failed).incrementAndGet();
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Measured(ok.get(), failed.get(), seconds, latencies, unit,
                MachineCpu.read(ProcessHandle.current().pid()).since(cpuFrom));
    }
}
