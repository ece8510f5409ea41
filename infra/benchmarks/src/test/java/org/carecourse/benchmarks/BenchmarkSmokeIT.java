package org.carecourse.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The benchmark's smoke mode, so it cannot rot: every step runs for about a second against a
 * real local platform and the report comes out complete. Nothing here is timed; the figures of
 * a smoke run mean nothing and are not asserted, only that each was measured beside its baseline.
 */
class BenchmarkSmokeIT {

    @Test
    void everyStepRunsAndIsReportedBesideItsBaseline() throws Exception {
        System.setProperty("carecourse.kafka.classpath-file",
                Path.of("..", "kafka-broker", "target", "kafka-broker.classpath").toString());
        Path output = Path.of("target", "smoke-report.md");

        Report report = Benchmark.run(Benchmark.Settings.smoke(), Path.of("target", "smoke-platform"), output);

        List<Report.Row> rows = report.rows();
        assertThat(rows).extracting(Report.Row::scenario).contains(
                "command on an existing course (PHQ-9 outcome)",
                "command on an existing course (PHQ-9 outcome), driver in its own JVM",
                "new aggregate (consultation request, new patient)",
                "hop: request committed → screening case committed",
                "course replay from event 0 (Axon, deserialized)",
                "processor rebuild (treatment relay reset, re-published to Kafka)",
                "booking attempt, one hot chair-day (HTTP, token)", "booking attempt, 3 clinics, 20 rooms, 20 days");
        assertThat(rows).hasSize(2 + 3 + 1 + 3 + 3 + 3 + 3);
        assertThat(rows).extracting(Report.Row::scenario).anyMatch(s -> s.startsWith("booking on a clinic day holding "));
        assertThat(rows).extracting(Report.Row::scenario).anyMatch(s -> s.startsWith("command on a course with "));
        assertThat(rows.stream().filter(row -> row.scenario().startsWith("booking attempt, 3 clinics")).findFirst().orElseThrow().note())
                .contains(" 0 double bookings");
        assertThat(rows).filteredOn(row -> row.scenario().endsWith("driver in its own JVM")).hasSize(3)
                .allSatisfy(row -> assertThat(row.note()).as("the CPU each part spent").contains("platform JVM", "PostgreSQL"));
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.baseline()).as(row.scenario() + " has a baseline").isNotNull();
            assertThat(row.ratio()).as(row.scenario() + " is compared with it").isNotBlank();
            assertThat(row.platform().operations()).as(row.scenario() + " measured something").isPositive();
            assertThat(row.platform().errors()).as(row.scenario() + " without failures").isZero();
        });
        String written = Files.readString(output);
        assertThat(written).contains("| scenario | load |", "## Targets", "cores");
    }
}
