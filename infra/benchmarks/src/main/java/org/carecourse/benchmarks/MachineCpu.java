package org.carecourse.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's busy CPU time so far, from Linux's {@code /proc/stat} (every core, every process:
 * user, system, interrupts, steal; idle and I/O wait left out). The difference over a run divided
 * by its operations is what each operation cost, a figure that does not move with the load the
 * way requests per second does on a shared 2-core machine.
 */
final class MachineCpu {

    /** Linux reports {@code /proc/stat} in USER_HZ ticks, 100 per second on every architecture it supports. */
    private static final double TICKS_PER_SECOND = 100.0;

    private MachineCpu() {
    }

    /** Busy CPU seconds since boot, summed over cores; NaN where {@code /proc/stat} cannot be read. */
    static double busySeconds() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long busy = 0;
            for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(fields[field]);
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
