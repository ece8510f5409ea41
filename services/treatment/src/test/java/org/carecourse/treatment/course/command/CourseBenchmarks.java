package org.carecourse.treatment.course.command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.carecourse.instruments.Instrument;
import org.carecourse.instruments.Modality;
import org.carecourse.servicekit.audit.chain.ChainVerifier;
import org.carecourse.testkit.PlatformInfraExtension;
import org.carecourse.treatment.TreatmentApplication;
import org.carecourse.treatment.clinical.TreatmentProtocol;
import org.carecourse.treatment.course.api.BaselineScore;
import org.carecourse.treatment.course.api.CoursePlan;
import org.carecourse.treatment.course.api.EligibilityRef;
import org.carecourse.treatment.course.api.Indication;
import org.carecourse.treatment.course.api.OpenCourseCommand;
import org.carecourse.treatment.course.api.RecordExternalFactCommand;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Loading a 1,000-event course with and without a snapshot, and verifying its 1,000-link hash
 * chain, each next to a raw JDBC read of the same rows, measured in one run on real PostgreSQL.
 * Run: {@code bash services/treatment/benchmark.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// One fork: the embedded Kafka broker's threads keep a fork alive until JMH's 30 s shutdown timeout.
@Fork(1)
public class CourseBenchmarks {

    static final int EVENTS = 1_000;

    private ConfigurableApplicationContext context;
    private Repository<TreatmentCourse> repository;
    private ChainVerifier verifier;
    private DataSource dataSource;
    private JdbcClient jdbc;
    private String snapshotted;
    private String unsnapshotted;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void start() {
        Map<String, String> infra = PlatformInfraExtension.systemProperties("treatment_benchmark");
        infra.forEach(System::setProperty);
        SpringApplication app = new SpringApplication(TreatmentApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", TreatmentApplication.NAME, "server.port", "0",
                "logging.level.root", "WARN"));
        context = app.run();
        repository = context.getBean("treatmentCourseRepository", Repository.class);
        verifier = context.getBean(ChainVerifier.class);
        dataSource = context.getBean(DataSource.class);
        CommandGateway gateway = context.getBean(CommandGateway.class);
        snapshotted = course(gateway);
        unsnapshotted = course(gateway);
        jdbc = context.getBean(JdbcClient.class);
        long snapshots = jdbc.sql("select count(*) from snapshot_event_entry where aggregate_identifier = ?")
                .param(snapshotted).query(Long.class).single();
        if (snapshots == 0) {
            throw new IllegalStateException("the snapshotted course has no snapshot");
        }
    }

    private static String course(CommandGateway gateway) {
        UUID courseId = UUID.randomUUID();
        EligibilityRef eligible = new EligibilityRef(UUID.randomUUID(), UUID.randomUUID(), "eligible", "iv-ketamine", 1,
                LocalDate.now().plusMonths(6));
        gateway.sendAndWait(new OpenCourseCommand(courseId, UUID.randomUUID(), UUID.randomUUID(), ZoneOffset.UTC, Modality.IV_KETAMINE,
                Indication.DEPRESSION, eligible, List.of(new BaselineScore(Instrument.PHQ9, 20)), CoursePlan.following(TreatmentProtocol.defaults().series()),
                TreatmentProtocol.defaults(), null, Instant.now()));
        for (int i = 1; i < EVENTS; i++) {
            gateway.sendAndWait(new RecordExternalFactCommand(courseId, "scheduling", UUID.randomUUID(), "AppointmentBooked",
                    Map.of("slot", String.valueOf(i)), Instant.now()));
        }
        return courseId.toString();
    }

    /**
     * Loading a long course without a snapshot asks Axon for one; removing it before every
     * invocation keeps this course snapshot-free, so the measurement really replays every event.
     */
    @Setup(Level.Invocation)
    public void dropNewSnapshots() {
        jdbc.sql("delete from snapshot_event_entry where aggregate_identifier = ?").param(unsnapshotted).update();
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }

    /** Loads the course in a unit of work that is rolled back, so loading never writes a new snapshot. */
    private Object load(String courseId) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return repository.load(courseId).invoke(course -> course);
        } finally {
            unitOfWork.rollback();
        }
    }

    @Benchmark
    public Object loadWithSnapshot() {
        return load(snapshotted);
    }

    @Benchmark
    public Object loadWithoutSnapshot() {
        return load(unsnapshotted);
    }

    @Benchmark
    public Object verifyChain() {
        ChainVerifier.Verification verification = verifier.verify(unsnapshotted);
        if (!verification.intact() || verification.links() != EVENTS) {
            throw new IllegalStateException("unexpected verification " + verification);
        }
        return verification;
    }

    /** The baseline: the same 1,000 rows, every column the chain hashes, read with plain JDBC. */
    @Benchmark
    public long rawJdbcRead() throws SQLException {
        long bytes = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     select aggregate_identifier, sequence_number, event_identifier, payload_type, payload_revision,
                            time_stamp, payload, meta_data
                     from domain_event_entry where aggregate_identifier = ? order by sequence_number""")) {
            s.setString(1, unsnapshotted);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    bytes += rs.getBytes(7).length + rs.getBytes(8).length + rs.getString(3).length();
                }
            }
        }
        return bytes;
    }

    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(CourseBenchmarks.class.getName() + ".*")
                .build()).run();
        Map<String, Double> ms = new java.util.TreeMap<>();
        results.forEach(r -> ms.put(r.getParams().getBenchmark().replaceAll(".*\\.", ""), r.getPrimaryResult().getScore()));
        double raw = ms.get("rawJdbcRead");
        StringBuilder report = new StringBuilder("\nCareCourse treatment benchmark (" + EVENTS + "-event course, ms/op, lower is better)\n");
        ms.forEach((name, score) -> report.append(String.format("  %-20s %9.3f ms   %6.2f x raw JDBC read%n", name, score, score / raw)));
        report.append(String.format("  chain verification throughput: %.0f links/s (raw read: %.0f rows/s)%n",
                EVENTS / ms.get("verifyChain") * 1000, EVENTS / raw * 1000));
        report.append(String.format("  snapshot speed-up on load: %.1f x%n", ms.get("loadWithoutSnapshot") / ms.get("loadWithSnapshot")));
        System.out.println(report);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "benchmark-report.txt"), report.toString());
    }
}
