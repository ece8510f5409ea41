package org.carecourse.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine's busy CPU time so far, from Linux's {@code /proc} (every core, every process), in
 * total and by part: the platform's JVM, PostgreSQL, the Kafka broker, a separate load driver and
 * everything else. The difference over a run divided by its operations is what each operation
 * cost and where, figures that do not move with the load the way requests per second do on a
 * shared 2-core machine. NaN (and no parts) where {@code /proc} cannot be read.
 */
final class MachineCpu {

    /** Linux reports {@code /proc} CPU times in USER_HZ ticks, 100 per second on every architecture it supports. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** A reading: busy CPU seconds since boot, in total and by part. */
    record Reading(double total, Map<String, Double> parts) {

        /** What was spent between {@code earlier} and this reading. */
        Reading since(Reading earlier) {
            Map<String, Double> spent = new TreeMap<>();
            parts.forEach((part, seconds) -> spent.put(part, seconds - earlier.parts.getOrDefault(part, 0.0)));
            // A process that ended between the readings (a driver JVM) is missing from the later one.
            earlier.parts.forEach((part, seconds) -> spent.putIfAbsent(part, 0.0));
            return new Reading(total - earlier.total, spent);
        }
    }

    private MachineCpu() {
    }

    /** The machine's busy CPU seconds since boot, summed over cores; NaN where {@code /proc/stat} cannot be read. */
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

    /**
     * The total and each part's CPU seconds so far; {@code platformPid} is the JVM running the
     * services (the benchmark's own, or its parent's when read from a separate driver).
     */
    static Reading read(long platformPid) {
        Map<String, Double> parts = new TreeMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path process : processes) {
                double seconds = processSeconds(process);
                if (!Double.isNaN(seconds)) {
                    parts.merge(part(process, platformPid), seconds, Double::sum);
                }
            }
        } catch (IOException | RuntimeException e) {
            return new Reading(busySeconds(), Map.of());
        }
        return new Reading(busySeconds(), parts);
    }

    private static String part(Path process, long platformPid) {
        if (Long.parseLong(process.getFileName().toString()) == platformPid) {
            return "platform JVM";
        }
        String command = commandLine(process);
        if (command.startsWith("postgres") || command.contains("/bin/postgres")) {
            return "PostgreSQL";
        }
        if (command.contains(SeparateJvmLoad.class.getName())) {
            return "load driver"; // before the broker: its class path names Kafka's client too
        }
        if (command.contains("kafka")) {
            return "Kafka broker";
        }
        return "other processes";
    }

    /** utime + stime of a process (all its threads), in seconds; NaN if it ended meanwhile. */
    private static double processSeconds(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            // The command name (field 2) is in parentheses and may hold spaces: count from after it.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String commandLine(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
