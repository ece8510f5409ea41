package org.carecourse.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.carecourse.billing.BillingApplication;
import org.carecourse.consultations.ConsultationsApplication;
import org.carecourse.local.issuer.LocalIssuerApplication;
import org.carecourse.operations.OperationsApplication;
import org.carecourse.scheduling.SchedulingApplication;
import org.carecourse.screening.ScreeningApplication;
import org.carecourse.treatment.TreatmentApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole platform on one machine without Docker: PostgreSQL (embedded binaries, fixed port,
 * persistent data folder), a real KRaft Kafka broker in a child JVM, the token issuer and every
 * service, each with its own database. Seeds the demo chain idempotently. Ctrl-C stops it all;
 * the next start keeps the data.
 */
public final class LocalPlatform implements AutoCloseable {

    /** Signs audit checkpoints on this machine only; every deployment configures its own key. */
    private static final String LOCAL_CHECKPOINT_KEY = "Y2FyZWNvdXJzZS1sb2NhbC1vbmx5LWNoZWNrcG9pbnQta2V5";

    /** The PostgreSQL superuser of the local server, as user and password. */
    public static final String DATABASE_ADMIN = LocalPostgres.USER;

    /** Every service, in start order; all run in this JVM, each in its own Spring context. */
    static final Map<String, Class<?>> SERVICES = services();

    private final Path dataFolder;
    private final LocalPorts ports;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final Map<String, ConfigurableApplicationContext> services = new LinkedHashMap<>();
    private LocalPostgres postgres;
    private LocalKafkaBroker kafka;
    private Path kafkaClasspathFile;

    private LocalPlatform(Path dataFolder, LocalPorts ports) {
        this.dataFolder = dataFolder;
        this.ports = ports;
    }

    private static Map<String, Class<?>> services() {
        Map<String, Class<?>> services = new LinkedHashMap<>();
        services.put(SchedulingApplication.NAME, SchedulingApplication.class);
        services.put(ConsultationsApplication.NAME, ConsultationsApplication.class);
        services.put(ScreeningApplication.NAME, ScreeningApplication.class);
        services.put(TreatmentApplication.NAME, TreatmentApplication.class);
        services.put(BillingApplication.NAME, BillingApplication.class);
        services.put(OperationsApplication.NAME, OperationsApplication.class);
        return services;
    }

    public static void main(String[] args) throws Exception {
        Path dataFolder = Path.of(System.getProperty("carecourse.data", ".local-data")).toAbsolutePath();
        Path kafkaClasspath = Path.of(System.getProperty("carecourse.kafka.classpath-file",
                "infra/kafka-broker/target/kafka-broker.classpath"));
        // A port offset lets a second platform (e.g. a fault test's) run beside a developer's.
        int offset = Integer.getInteger("carecourse.ports.offset", 0);
        LocalPlatform platform = start(dataFolder, kafkaClasspath, LocalPorts.offset(offset));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping CareCourse ...");
            platform.close();
            stopped.countDown();
        }, "carecourse-stop"));
        platform.printWelcome();
        stopped.await();
    }

    /** Starts everything and seeds the demo chain; close() stops it in reverse order. */
    public static LocalPlatform start(Path dataFolder, Path kafkaClasspathFile, LocalPorts ports) throws Exception {
        Files.createDirectories(dataFolder);
        LocalPlatform platform = new LocalPlatform(dataFolder, ports);
        try {
            platform.startAll(kafkaClasspathFile);
        } catch (Exception | Error e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    private void startAll(Path kafkaClasspathFile) throws Exception {
        postgres = new LocalPostgres(dataFolder, ports.postgres());
        running.add(postgres);
        postgres.createDatabases(SERVICES.keySet());
        this.kafkaClasspathFile = kafkaClasspathFile;
        kafka = new LocalKafkaBroker(dataFolder, kafkaClasspathFile, ports.kafka(), ports.kafkaController());
        running.add(kafka);

        running.add(run(LocalIssuerApplication.class, Map.of(
                "spring.application.name", "issuer",
                "server.port", String.valueOf(ports.issuer()),
                "spring.security.oauth2.authorizationserver.issuer", ports.issuerUri(),
                "carecourse.issuer.key-file", dataFolder.resolve("issuer").resolve("signing-key.json").toString(),
                "carecourse.issuer.dashboard-redirect-uri", dashboardUrl() + "/login/oauth2/code/carecourse")));

        for (Map.Entry<String, Class<?>> service : SERVICES.entrySet()) {
            String name = service.getKey();
            Map<String, String> properties = new LinkedHashMap<>(Map.of(
                    "spring.config.name", name,
                    "server.port", String.valueOf(ports.service(name)),
                    "spring.datasource.url", postgres.jdbcUrl(name),
                    "spring.datasource.username", LocalPostgres.APP_ROLE,
                    "spring.datasource.password", LocalPostgres.APP_ROLE,
                    "spring.flyway.user", LocalPostgres.USER,
                    "spring.flyway.password", LocalPostgres.PASSWORD,
                    "spring.cloud.stream.kafka.binder.brokers", kafka.bootstrapServers(),
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri", ports.issuerUri(),
                    "carecourse.audit.checkpoint-key", LOCAL_CHECKPOINT_KEY));
            // The dashboard signs people in at the local issuer; its audit views read treatment and consultations.
            properties.putAll(Map.of("carecourse.operations.issuer-uri", ports.issuerUri(),
                    "carecourse.operations.treatment-url", "http://localhost:" + ports.service(TreatmentApplication.NAME),
                    "carecourse.operations.consultations-url", "http://localhost:" + ports.service(ConsultationsApplication.NAME),
                    // A superbill reads the patient's demographics from consultations with the biller's token.
                    "carecourse.billing.consultations-url", "http://localhost:" + ports.service(ConsultationsApplication.NAME)));
            ConfigurableApplicationContext context = run(service.getValue(), properties);
            services.put(name, context);
            running.add(context);
        }
        new DemoSeeder(ports).seed();
    }

    private static ConfigurableApplicationContext run(Class<?> application, Map<String, String> properties) {
        SpringApplication app = new SpringApplication(application);
        // One shutdown sequence for the whole platform (services before Kafka and PostgreSQL).
        app.setRegisterShutdownHook(false);
        List<String> args = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toList();
        return app.run(args.toArray(String[]::new));
    }

    /** The operations dashboard a person opens in a browser. */
    public String dashboardUrl() {
        return "http://localhost:" + ports.service(OperationsApplication.NAME);
    }

    public LocalPorts ports() {
        return ports;
    }

    /** Stops the broker as an outage would, leaving every service running (for fault tests). */
    void stopBroker() {
        kafka.close();
    }

    /** Starts the broker again on its ports and data, as after an outage. */
    void startBroker() {
        LocalKafkaBroker restarted = new LocalKafkaBroker(dataFolder, kafkaClasspathFile, ports.kafka(), ports.kafkaController());
        running.set(running.indexOf(kafka), restarted);
        kafka = restarted;
    }

    /** A setting of the running PostgreSQL server, e.g. {@code synchronous_commit}. */
    String postgresSetting(String name) {
        return postgres.setting(name);
    }

    /** The names of the services the platform runs. */
    public Set<String> serviceNames() {
        return SERVICES.keySet();
    }

    /** A running service's Spring context, for checks from tests and the benchmark. */
    public ConfigurableApplicationContext service(String name) {
        return services.get(name);
    }

    /** A JDBC URL of the platform's PostgreSQL server (user and password: {@link #DATABASE_ADMIN}). */
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    /** Creates a database beside the services' (e.g. for a benchmark's raw baselines). */
    public void createDatabase(String name) {
        postgres.createDatabases(List.of(name));
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** A token for a demo user from the local issuer. */
    public String token(String userId) throws java.io.IOException, InterruptedException {
        return new DemoSeeder(ports).token(userId);
    }

    void printWelcome() {
        StringBuilder text = new StringBuilder("""

                CareCourse is running.
                  data folder   %s  (delete it to start from scratch)
                  PostgreSQL    jdbc:postgresql://localhost:%d/<service>  user postgres / postgres
                  Kafka         localhost:%d
                  token issuer  %s
                """.formatted(dataFolder, ports.postgres(), ports.kafka(), ports.issuerUri()));
        SERVICES.keySet().forEach(name -> text.append("  %-13s http://localhost:%d/api  (health: /actuator/health)%n"
                .formatted(name, ports.service(name))));
        text.append("""

                Dashboard (sign in as ops, or auditor for the audit views; password = user id):
                  %s
                Demo data for it, N synthetic patients through the services' APIs:
                  bash infra/local/journeys.sh 300
                """.formatted(dashboardUrl()));
        text.append("""

                Get a token (each demo user's secret is their user id):
                  curl -s -u frontdesk.denver:frontdesk.denver -d grant_type=client_credentials %s/oauth2/token
                Demo users: %s
                Walk the flow: infra/local/requests.http or infra/local/demo.sh
                Press Ctrl-C to stop.
                """.formatted(ports.issuerUri(),
                String.join(", ", DemoChain.STAFF.stream().map(s -> s.userId() + " (" + s.role() + ")").toList())));
        System.out.println(text);
    }

    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
        running.clear();
        services.clear();
    }
}
