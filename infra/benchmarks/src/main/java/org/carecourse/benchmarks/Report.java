package org.carecourse.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The run's table, each figure beside the raw baseline measured in the same run, and the targets met or missed. */
final class Report {

    /** One line: a platform figure and, when it has one, its baseline and how they compare. */
    record Row(String scenario, String load, Measured platform, String baselineName, Measured baseline, String note) {

        /** Throughput compared for throughput rows, p99 for latency-only comparisons. */
        String ratio() {
            if (baseline == null) {
                return "";
            }
            List<String> parts = new ArrayList<>();
            if (!Double.isNaN(platform.perSecond()) && !Double.isNaN(baseline.perSecond()) && baseline.perSecond() > 0
                    && !latencyOnly()) {
                parts.add(format("%.3f× rate", platform.perSecond() / baseline.perSecond()));
            }
            if (!Double.isNaN(platform.p99()) && !Double.isNaN(baseline.p99()) && baseline.p99() > 0) {
                parts.add(format("%.1f× p99", platform.p99() / baseline.p99()));
            }
            return String.join(", ", parts);
        }

        private boolean latencyOnly() {
            return "hop".equals(platform.unit());
        }
    }

    record Target(String what, boolean met, String measured) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final String mode;

    Report(String mode) {
        this.mode = mode;
    }

    void add(Row row) {
        rows.add(row);
        System.out.println(line(row));
    }

    void target(String what, boolean met, String measured) {
        targets.add(new Target(what, met, measured));
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    String markdown() {
        StringBuilder text = new StringBuilder();
        text.append("# CareCourse benchmark (").append(mode).append(" mode)\n\n")
                .append("Run ").append(Instant.now()).append(" on ").append(Machine.describe()).append(".\n")
                .append("Platform, PostgreSQL, Kafka and the load driver share this machine. Latencies in ms; "
                        + "\"rate\" per second; every baseline was measured in the same run on the same servers.\n\n")
                .append("| scenario | load | rate | p50 | p99 | CPU ms/op | errors | baseline | baseline rate | baseline p50 | baseline p99 | baseline CPU ms/op | ratio | note |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            text.append(line(row)).append('\n');
        }
        text.append("\n## Targets\n\n| target | met | measured |\n|---|---|---|\n");
        for (Target target : targets) {
            text.append("| ").append(target.what()).append(" | ").append(target.met() ? "yes" : "**no**").append(" | ")
                    .append(target.measured()).append(" |\n");
        }
        return text.toString();
    }

    private static String line(Row row) {
        Measured p = row.platform();
        Measured b = row.baseline();
        return "| " + row.scenario() + " | " + row.load() + " | " + rate(p) + " | " + ms(p.p50()) + " | " + ms(p.p99()) + " | "
                + ms(p.cpuMillisPerOperation()) + " | " + p.errors() + " | " + (row.baselineName() == null ? "" : row.baselineName()) + " | "
                + (b == null ? "" : rate(b)) + " | " + (b == null ? "" : ms(b.p50())) + " | " + (b == null ? "" : ms(b.p99())) + " | "
                + (b == null ? "" : ms(b.cpuMillisPerOperation())) + " | " + row.ratio() + " | " + (row.note() == null ? "" : row.note()) + " |";
    }

    private static String rate(Measured m) {
        return Double.isNaN(m.perSecond()) || "hop".equals(m.unit()) ? "" : format("%.0f %s/s", m.perSecond(), m.unit());
    }

    static String ms(double millis) {
        return Double.isNaN(millis) ? "" : format(millis < 10 ? "%.2f" : "%.0f", millis);
    }

    static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, markdown());
    }

    /** What the figures were measured on. */
    static final class Machine {

        private Machine() {
        }

        static String describe() {
            return Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), " + memory() + " RAM, "
                    + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", Java "
                    + System.getProperty("java.version");
        }

        private static String cpuModel() {
            return firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
        }

        private static String memory() {
            return firstValue(Path.of("/proc/meminfo"), "MemTotal")
                    .map(kb -> Math.round(Long.parseLong(kb.replace("kB", "").strip()) / 1024.0 / 1024.0) + " GiB")
                    .orElse("unknown");
        }

        private static Optional<String> firstValue(Path file, String key) {
            try {
                return Files.readAllLines(file).stream().filter(l -> l.startsWith(key))
                        .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst();
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }
}
