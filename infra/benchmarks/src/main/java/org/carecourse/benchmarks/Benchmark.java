package org.carecourse.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.carecourse.local.LocalPlatform;
import org.carecourse.local.LocalPorts;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The platform under load, every figure beside a raw baseline from the same run:
 * <ol>
 * <li>raw PostgreSQL inserts of event-shaped rows and raw Kafka produce → consume;</li>
 * <li>commands on existing aggregates (PHQ-9 outcomes on open courses) at 1 / 16 / 64 clients;</li>
 * <li>commands that create aggregates (consultation requests for new patients) at the same loads;</li>
 * <li>the hop from a consultation request to screening's read model, at fixed rates and at saturation;</li>
 * <li>course replay and a processor rebuild over a store of {@code storeEvents} events, beside raw reads;</li>
 * <li>booking attempts at 64 clients on one hot chair-day and spread over 3 clinics' 20 rooms, beside raw
 * inserts into an exclusion-constrained table, then an overlap query (0 double bookings).</li>
 * </ol>
 * Starts its own local platform (embedded PostgreSQL, a KRaft broker, every service) on offset
 * ports with a fresh data folder. {@code --smoke} runs every step for about a second, so the
 * benchmark is exercised by the test run without being timed there.
 * <p>
 * One file over 300 lines on purpose: the run reads top to bottom in the order it measures, and
 * each step's baseline sits next to it; the drivers and the report are separate classes.
 */
public final class Benchmark {

    /** How long and how large each step is. */
    record Settings(String mode, Duration warmUp, Duration duration, int courses, double[] hopRates, Duration hopDuration,
            long storeEvents, int[] clients, String only, int historyEvents, int dayBookings, Duration platformWarmUp) {

        /**
         * One group of scenarios alone: {@code bookings} for working on scheduling, {@code commands} on
         * command cost, {@code hops} on the way an event travels between services.
         */
        Settings only(String scenarios) {
            return new Settings(mode + ", " + scenarios + " only", warmUp, duration, courses, hopRates, hopDuration, storeEvents, clients,
                    scenarios, historyEvents, dayBookings, platformWarmUp);
        }

        static Settings full() {
            return new Settings("full", Duration.ofSeconds(3), Duration.ofSeconds(15), 32, new double[] {50, 200, 500},
                    Duration.ofSeconds(20), 100_000, new int[] {1, 16, 64}, null, 500, 300, Duration.ofSeconds(60));
        }

        static Settings smoke() {
            return new Settings("smoke", Duration.ofMillis(200), Duration.ofSeconds(1), 2, new double[] {20, 50},
                    Duration.ofSeconds(2), 600, new int[] {1, 16, 64}, null, 30, 30, Duration.ofMillis(500));
        }
    }

    /** Ports 10000 above the usual ones: below Linux's ephemeral range, apart from the fault tests' platforms. */
    static final int PORT_OFFSET = 10_000;

    private final LocalPlatform platform;
    private final Settings settings;
    private final Report report;
    private final Path workFolder;

    private Benchmark(LocalPlatform platform, Settings settings, Path workFolder) {
        this.platform = platform;
        this.settings = settings;
        this.workFolder = workFolder;
        this.report = new Report(settings.mode());
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = List.of(args).contains("--smoke");
        Path output = List.of(args).stream().filter(a -> a.startsWith("--report=")).findFirst()
                .map(a -> Path.of(a.substring("--report=".length()))).orElse(Path.of("target", "benchmark-report.md"));
        Path data = Path.of(System.getProperty("carecourse.benchmark.data", "target/benchmark-platform"));
        Settings settings = smoke ? Settings.smoke() : Settings.full();
        for (String scenarios : List.of("bookings", "commands", "hops")) {
            if (List.of(args).contains("--only=" + scenarios)) {
                settings = settings.only(scenarios);
            }
        }
        Report report = run(settings, data, output);
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("Report written to " + output.toAbsolutePath());
        System.exit(0);
    }

    /** Runs every step against a platform started for the purpose and writes the report. */
    static Report run(Settings settings, Path dataFolder, Path output) throws Exception {
        deleteRecursively(dataFolder);
        Path kafkaClasspath = Path.of(System.getProperty("carecourse.kafka.classpath-file",
                "infra/kafka-broker/target/kafka-broker.classpath"));
        try (LocalPlatform platform = LocalPlatform.start(dataFolder.toAbsolutePath(), kafkaClasspath, LocalPorts.offset(PORT_OFFSET))) {
            Benchmark benchmark = new Benchmark(platform, settings, dataFolder.toAbsolutePath().resolveSibling(
                    dataFolder.getFileName() + "-driver"));
            benchmark.runAll();
            benchmark.report.write(output);
            return benchmark.report;
        }
    }

    private void runAll() throws Exception {
        platform.createDatabase("benchmark");
        Journeys journeys = new Journeys(platform);
        try (RawBaselines raw = new RawBaselines(platform.jdbcUrl("benchmark"), LocalPlatform.DATABASE_ADMIN,
                platform.kafkaBootstrapServers()); HopTimes hops = new HopTimes(platform)) {
            if ("bookings".equals(settings.only())) {
                bookings(raw);
                return;
            }
            Map<Integer, Measured> rawInserts = new TreeMap<>();
            for (int clients : settings.clients()) {
                rawInserts.put(clients, raw.inserts(clients, settings.warmUp(), settings.duration()));
            }
            if ("commands".equals(settings.only())) {
                List<String> courses = journeys.openCourses(settings.courses());
                warmUp(outcomes(journeys, courses));
                existingAggregates(journeys, courses, rawInserts);
                historyCost(journeys);
                return;
            }
            Map<Double, Measured> rawKafka = new TreeMap<>();
            for (double rate : settings.hopRates()) {
                rawKafka.put(rate, raw.kafkaProduceConsume(rate, settings.hopDuration()));
            }
            if ("hops".equals(settings.only())) {
                warmUp((client, sequence) -> journeys.requestConsultation().status() == 201);
                newAggregatesAndHops(journeys, hops, rawInserts, rawKafka);
                return;
            }
            List<String> courses = journeys.openCourses(settings.courses());

            warmUp(outcomes(journeys, courses));
            bookings(raw);
            existingAggregates(journeys, courses, rawInserts);
            historyCost(journeys);
            newAggregatesAndHops(journeys, hops, rawInserts, rawKafka);
            history(journeys, courses, raw);
        }
    }

    /**
     * Six services in one JVM have a great deal of code for the JIT to compile: measured cold, the
     * first scenario (1 client) ran at half the speed the same requests reached minutes later. A
     * platform in a clinic runs warm for days, so every figure is taken after this.
     */
    private void warmUp(LoadDriver.Operation operation) throws Exception {
        LoadDriver.closedLoop(16, Duration.ZERO, settings.platformWarmUp(), "requests", operation);
    }

    /** Booking attempts, hot and uniform, beside raw exclusion-constrained inserts; then the overlap query. */
    private void bookings(RawBaselines raw) throws Exception {
        Bookings bookings = new Bookings(platform);
        bookings.setUp();
        Measured rawHot = raw.exclusionInserts(64, 1, 1, settings.warmUp(), settings.duration());
        Measured hot = LoadDriver.closedLoop(64, settings.warmUp(), settings.duration(), "attempts",
                (client, sequence) -> bookings.hotAttempt());
        report.add(new Report.Row("booking attempt, one hot chair-day (HTTP, token)", "64 clients", hot,
                "raw exclusion-constrained insert, 1 chair-day", rawHot, "201 or 409/422 each an answer; raw: " + rawHot.errors()
                        + " inserts aborted by deadlock detection (concurrent overlapping inserts wait on each other)"));
        Measured rawUniform = raw.exclusionInserts(64, 20, 20, settings.warmUp(), settings.duration());
        Measured uniform = LoadDriver.closedLoop(64, settings.warmUp(), settings.duration(), "attempts",
                (client, sequence) -> bookings.uniformAttempt());
        long doubleBookings = bookings.doubleBookings();
        report.add(new Report.Row("booking attempt, 3 clinics, 20 rooms, 20 days", "64 clients", uniform,
                "raw exclusion-constrained insert, 20 chairs × 20 days", rawUniform, bookings.booked() + " booked; "
                        + doubleBookings + " double bookings (overlap query); raw: " + rawUniform.errors() + " deadlock aborts"));
        Measured[] day = bookings.dayHistory(settings.dayBookings(), Math.max(5, settings.dayBookings() / 10));
        report.add(new Report.Row("booking on a clinic day holding " + settings.dayBookings() + " (consult, explicit room)", "1 client",
                day[1], "the same day's first bookings", day[0], "p50 " + Report.ms(day[1].p50()) + " vs " + Report.ms(day[0].p50())
                        + " ms"));
        report.target("a clinic day's history does not cost: p50 within 20 % of its first bookings'", day[1].p50() <= day[0].p50() * 1.2,
                Report.format("%s ms with %d on the day vs %s ms", Report.ms(day[1].p50()), settings.dayBookings(), Report.ms(day[0].p50())));
        report.target("hot chair-day: ≥ 500 attempts/s, p99 ≤ 100 ms, 0 double bookings",
                hot.perSecond() >= 500 && hot.p99() <= 100 && hot.errors() == 0 && doubleBookings == 0,
                Report.format("%.0f/s, p99 %s ms, %d errors, %d double bookings", hot.perSecond(), Report.ms(hot.p99()), hot.errors(),
                        doubleBookings));
    }

    /**
     * PHQ-9 outcomes on open courses at each client count, driven in this JVM and then from a JVM of
     * its own (as an external load generator would); the targets are judged on the separate driver's.
     */
    private void existingAggregates(Journeys journeys, List<String> courses, Map<Integer, Measured> rawInserts) throws Exception {
        for (int clients : settings.clients()) {
            settle();
            Measured outcomes = LoadDriver.closedLoop(clients, settings.warmUp(), settings.duration(), "requests",
                    outcomes(journeys, courses));
            report.add(new Report.Row("command on an existing course (PHQ-9 outcome)", clients + " clients", outcomes,
                    "raw insert, 1 row/tx", rawInserts.get(clients), courses.size() + " courses"));
        }
        Map<Integer, Measured> separate = new TreeMap<>();
        for (int clients : settings.clients()) {
            settle();
            Measured outcomes = SeparateJvmLoad.outcomes(journeys, courses, clients, settings.warmUp(), settings.duration(), workFolder);
            separate.put(clients, outcomes);
            report.add(new Report.Row("command on an existing course (PHQ-9 outcome), driver in its own JVM", clients + " clients",
                    outcomes, "raw insert, 1 row/tx", rawInserts.get(clients), courses.size() + " courses; CPU ms/op by part: "
                            + outcomes.cpuSplit()));
        }
        Measured one = separate.get(1);
        Measured sixteen = separate.get(16);
        if (one != null) {
            report.target("existing aggregates, 1 client: p50 ≤ 3 ms (driver in its own JVM)", one.p50() <= 3 && one.errors() == 0,
                    Report.format("p50 %s ms, %d errors", Report.ms(one.p50()), one.errors()));
        }
        if (sixteen != null) {
            report.target("existing aggregates, 16 clients: ≥ 600 requests/s, p99 ≤ 50 ms, no errors (driver in its own JVM)",
                    sixteen.perSecond() >= 600 && sixteen.p99() <= 50 && sixteen.errors() == 0,
                    Report.format("%.0f/s, p99 %s ms, %d errors", sixteen.perSecond(), Report.ms(sixteen.p99()), sixteen.errors()));
        }
    }

    /**
     * The same command (a PHQ-9 outcome, 1 client) on courses young and then grown to {@code
     * historyEvents} events each: its cost must not climb with a course's history.
     */
    private void historyCost(Journeys journeys) throws Exception {
        List<String> courses = journeys.openCourses(8);
        settle();
        Measured young = LoadDriver.closedLoop(1, Duration.ZERO, settings.warmUp(), "requests",
                outcomes(journeys, courses));
        Replays replays = new Replays(platform);
        long grown = replays.fewestEvents(courses);
        while (grown < settings.historyEvents()) {
            LoadDriver.closedLoop(16, Duration.ZERO, Duration.ofSeconds(2), "requests",
                    outcomes(journeys, courses));
            grown = replays.fewestEvents(courses);
        }
        settle();
        Measured old = LoadDriver.closedLoop(1, Duration.ZERO, settings.warmUp(), "requests",
                outcomes(journeys, courses));
        report.add(new Report.Row("command on a course with " + grown + "+ events (PHQ-9 outcome)", "1 client", old,
                "the same on the young courses", young, courses.size() + " courses; p50 " + Report.ms(old.p50()) + " vs "
                        + Report.ms(young.p50()) + " ms"));
        report.target("a course's history does not cost: p50 within 20 % of the young courses'",
                old.p50() <= young.p50() * 1.2, Report.format("%s ms at %d+ events vs %s ms", Report.ms(old.p50()), grown,
                        Report.ms(young.p50())));
    }

    /** Consultation requests closed-loop at each client count (the last one is saturation), then at fixed rates, with their hops. */
    private void newAggregatesAndHops(Journeys journeys, HopTimes hops, Map<Integer, Measured> rawInserts,
            Map<Double, Measured> rawKafka) throws Exception {
        int[] clientCounts = settings.clients();
        Measured saturated = null;
        HopTimes.Hops saturatedHops = null;
        for (int clients : clientCounts) {
            settle();
            Queue<String> requested = new ConcurrentLinkedQueue<>();
            Measured created = LoadDriver.closedLoop(clients, settings.warmUp(), settings.duration(), "requests",
                    (client, sequence) -> recordRequest(journeys.requestConsultation(), requested));
            report.add(new Report.Row("new aggregate (consultation request, new patient)", clients + " clients", created,
                    "raw insert, 1 row/tx", rawInserts.get(clients), "2 aggregates and 2 events per request"));
            saturated = created;
            saturatedHops = hops.of(requested);
        }
        double[] rates = settings.hopRates();
        HopTimes.Hops[] fixed = new HopTimes.Hops[rates.length];
        Measured[] offered = new Measured[rates.length];
        for (int i = 0; i < rates.length; i++) {
            settle();
            Queue<String> requested = new ConcurrentLinkedQueue<>();
            MachineCpu.Reading cpuFrom = MachineCpu.read(ProcessHandle.current().pid());
            offered[i] = LoadDriver.openLoop(rates[i], settings.hopDuration(), 64, "requests",
                    (client, sequence) -> recordRequest(journeys.requestConsultation(), requested));
            fixed[i] = hops.of(requested);
            settle();
            // The whole journey's CPU: the requests and everything they set off downstream, until every consumer caught up.
            MachineCpu.Reading journeyCpu = MachineCpu.read(ProcessHandle.current().pid()).since(cpuFrom);
            offered[i] = new Measured(offered[i].operations(), offered[i].errors(), offered[i].seconds(), offered[i].latencies(),
                    offered[i].unit(), journeyCpu);
            addHopRows(Report.format("%.0f requests/s", rates[i]), offered[i], fixed[i], rawKafka.get(rates[i]));
        }
        addHopRows("saturation, " + clientCounts[clientCounts.length - 1] + " clients", saturated, saturatedHops,
                rawKafka.get(rates[rates.length - 1]));
        addTargets(fixed, offered, rates);
    }

    /** Treatment's store topped up to {@code storeEvents}, then replayed per course and rebuilt through its relay. */
    private void history(Journeys journeys, List<String> courses, RawBaselines raw) throws Exception {
        Replays replays = new Replays(platform);
        while (replays.storedEvents() < settings.storeEvents()) {
            LoadDriver.closedLoop(64, Duration.ZERO, Duration.ofSeconds(5), "requests",
                    outcomes(journeys, courses));
        }
        long stored = replays.storedEvents();
        raw.fillTo(stored);
        report.add(new Report.Row("course replay from event 0 (Axon, deserialized)", stored + " events, " + courses.size()
                + " courses", replays.courseReplay(courses), "raw JDBC read per course", replays.rawCourseRead(courses), null));
        report.add(new Report.Row("processor rebuild (treatment relay reset, re-published to Kafka)", stored + " events",
                replays.relayRebuild(Duration.ofMinutes(30)), "raw JDBC keyset read", raw.keysetRead(), null));
    }

    /**
     * Waits until every relay has published what its service stored and every consumer group has
     * caught up with its topics, so one step's backlog is not measured as the next step's latency,
     * nor its CPU as the next step's cost. (Consumer lag alone reads 0 while a relay still holds
     * thousands of stored events back from Kafka, as after the warm-up.)
     */
    private void settle() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", platform.kafkaBootstrapServers()))) {
            Journeys.until(Duration.ofMinutes(10), () -> relayLag() == 0 && consumerLag(admin) == 0 ? Boolean.TRUE : null);
        }
    }

    /** Stored events every service's relay has still to publish (the kit's {@code carecourse.processor.lag} of each relay). */
    private long relayLag() {
        long lag = 0;
        int relays = 0;
        for (String service : platform.serviceNames()) {
            for (Gauge gauge : platform.service(service).getBean(MeterRegistry.class).find("carecourse.processor.lag").gauges()) {
                String processor = gauge.getId().getTag("processor");
                if (processor != null && processor.endsWith("-outbound")) {
                    lag += (long) Math.max(0, gauge.value());
                    relays++;
                }
            }
        }
        if (relays == 0) {
            throw new IllegalStateException("no relay reports its lag (carecourse.processor.lag of a <service>-outbound processor)");
        }
        return lag;
    }

    private static long consumerLag(Admin admin) throws Exception {
        long lag = 0;
        for (var group : admin.listConsumerGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            for (var entry : committed.entrySet()) {
                if (entry.getValue() != null) {
                    lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                }
            }
        }
        return lag;
    }

    /** PHQ-9 outcomes round the courses, one course after another. */
    private static LoadDriver.Operation outcomes(Journeys journeys, List<String> courses) {
        return (client, sequence) -> journeys.recordOutcome(courses.get((int) (sequence % courses.size())), sequence).ok();
    }

    private static boolean recordRequest(Http.Response response, Collection<String> requested) {
        if (response.status() == 201) {
            requested.add(response.field("consultationId"));
            return true;
        }
        return false;
    }

    private void addHopRows(String load, Measured offered, HopTimes.Hops hops, Measured rawKafka) {
        Measured endToEnd = new Measured(hops.endToEnd().count(), hops.missing() + offered.errors(), offered.seconds(),
                hops.endToEnd(), "hop", offered.cpuSeconds(), offered.cpuByPart());
        report.add(new Report.Row("hop: request committed → screening case committed", load + Report.format(" (%.0f/s done)",
                offered.perSecond()), endToEnd, "raw Kafka produce → consume", rawKafka,
                "to Kafka p50 " + Report.ms(hops.toKafka().percentileMillis(50)) + " / p99 " + Report.ms(hops.toKafka().percentileMillis(99))
                        + "; Kafka → case p50 " + Report.ms(hops.fromKafka().percentileMillis(50)) + " / p99 "
                        + Report.ms(hops.fromKafka().percentileMillis(99)) + "; p99 first third " + Report.ms(hops.firstThird().percentileMillis(99))
                        + ", last third " + Report.ms(hops.lastThird().percentileMillis(99))
                        + (endToEnd.cpuByPart().isEmpty() ? "" : "; CPU ms per request until every consumer caught up, by part: "
                                + endToEnd.cpuSplit())));
    }

    private void addTargets(HopTimes.Hops[] fixed, Measured[] offered, double[] rates) {
        for (int i = 0; i < rates.length; i++) {
            HopTimes.Hops hops = fixed[i];
            double p50 = hops.endToEnd().percentileMillis(50);
            double p99 = hops.endToEnd().percentileMillis(99);
            if (rates[i] == 200) {
                report.target(Report.format("hop at %.0f commands/s: p50 ≤ 25 ms, p99 ≤ 100 ms", rates[i]),
                        p50 <= 25 && p99 <= 100 && hops.missing() == 0, "p50 " + Report.ms(p50) + " ms, p99 " + Report.ms(p99) + " ms");
            } else if (rates[i] >= 500) {
                double lastThird = hops.lastThird().percentileMillis(99);
                double firstThird = hops.firstThird().percentileMillis(99);
                boolean noGrowingLag = lastThird <= Math.max(2 * firstThird, 50);
                report.target(Report.format("sustained %.0f commands/s: p99 ≤ 250 ms, no growing lag", rates[i]),
                        offered[i].perSecond() >= rates[i] * 0.95 && p99 <= 250 && noGrowingLag && hops.missing() == 0,
                        Report.format("%.0f/s done, p99 %s ms; p99 first third %s ms, last third %s ms", offered[i].perSecond(),
                                Report.ms(p99), Report.ms(firstThird), Report.ms(lastThird)));
            }
        }
    }

    private static void deleteRecursively(Path folder) throws Exception {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
