package org.carecourse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.carecourse.contracts.Actor;
import org.carecourse.contracts.EventJson;
import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.contracts.treatment.SessionStarted;
import org.carecourse.contracts.treatment.TreatmentTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;

/**
 * The dashboard as people use it, on the local platform with its demo data: demo journeys drive
 * synthetic patients through the services' APIs and every dashboard figure matches what they did;
 * then headless Chromium (Debian's package, driven through its chromedriver) signs in at the local
 * issuer (authorization code with PKCE), opens the chain overview, sees a figure change without a
 * reload when an event is published, downloads a CSV, and an auditor opens a patient's course
 * replay with its verification. Operations staff get 403 wherever names are returned.
 */
class DashboardBrowserIT {

    private static final Path DATA = Path.of("target", "dashboard-browser-it").toAbsolutePath();
    private static final Path DOWNLOADS = Path.of("target", "dashboard-browser-it-downloads").toAbsolutePath();
    private static final Path SCREENSHOT = Path.of("target", "screenshots", "chain-overview.png").toAbsolutePath();
    private static final Path KAFKA_CLASSPATH = Path.of("..", "kafka-broker", "target", "kafka-broker.classpath");
    private static final LocalPorts PORTS = LocalPorts.offset(20_000);
    private static final Path CHROMIUM = Path.of(System.getProperty("carecourse.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("carecourse.chromedriver", "/usr/bin/chromedriver"));
    private static final int PATIENTS = 40;

    private static LocalPlatform platform;
    private static Map<String, Integer> journeys;
    private static List<String> treated;

    @BeforeAll
    static void platformWithDemoData() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium is needed for the browser test: bash infra/install-chromium.sh installs it").isExecutable();
        assertThat(CHROMEDRIVER).as("and its chromedriver (package chromium-driver)").isExecutable();
        deleteRecursively(DATA);
        deleteRecursively(DOWNLOADS);
        Files.createDirectories(DOWNLOADS);
        platform = LocalPlatform.start(DATA, KAFKA_CLASSPATH, PORTS);
        DemoJourneys demo = new DemoJourneys(PORTS);
        journeys = demo.run(PATIENTS, 7);
        treated = demo.treatedPatients();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    /**
     * Each figure the dashboards show equals what the demo journeys did through the services' APIs
     * (counted by the journeys themselves), and none is empty.
     */
    @Test
    void everyDashboardShowsTheDemoJourneysFigures() throws Exception {
        assertThat(journeys).as("steps the journeys reached").doesNotContainKey("failed")
                .containsEntry("requested", PATIENTS).containsKeys("consulted", "eligible", "ineligible", "course", "booked", "session",
                        "invoiced", "paid", "safety-alert-left-open", "cancelled");
        DemoApi api = new DemoApi(PORTS);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String range = "from=" + today.minusDays(2) + "&to=" + today.plusDays(40);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            Map<String, BigDecimal> totals = totals(api.call("ops", "GET", "operations", "/api/dashboard/comparison?" + range, null, 200));
            assertThat(totals.get("iv-sessions")).isEqualByComparingTo(BigDecimal.valueOf(journeys.get("session")));
            assertThat(totals.get("appointments-booked")).isEqualByComparingTo(BigDecimal.valueOf(journeys.get("booked")));
            assertThat(totals.get("cancellations")).isEqualByComparingTo(BigDecimal.valueOf(journeys.get("cancelled")));
            assertThat(totals.get("charged")).isPositive();
            assertThat(totals.get("paid")).isPositive();
            assertThat(totals.get("available-chair-minutes")).isPositive();
            long requested = 0;
            long eligible = 0;
            for (DemoChain.Clinic clinic : DemoChain.CLINICS) {
                JsonNode steps = api.call("ops", "GET", "operations", "/api/dashboard/clinics/" + clinic.id() + "/funnel?" + range, null, 200)
                        .get("steps");
                requested += steps.get(0).get("patients").asLong();
                eligible += steps.get(3).get("patients").asLong();
            }
            assertThat(requested).isEqualTo(journeys.get("requested").longValue());
            assertThat(eligible).isEqualTo(journeys.get("eligible").longValue());
            JsonNode watch = api.call("ops", "GET", "operations", "/api/dashboard/watch", null, 200);
            assertThat(watch.valueStream().mapToLong(w -> w.get("openSafetyAlerts").asLong()).sum())
                    .isEqualTo(journeys.get("safety-alert-left-open").longValue());
            JsonNode outcomes = api.call("ops", "GET", "operations", "/api/dashboard/outcomes", null, 200);
            assertThat(outcomes.valueStream().mapToLong(o -> o.get("courses").asLong()).sum()).as("outcomes need three sessions, hours apart: none in a short run").isEqualTo(journeys.getOrDefault("outcome", 0).longValue());
            JsonNode receivables = api.call("ops", "GET", "operations", "/api/dashboard/receivables", null, 200);
            assertThat(receivables.valueStream().map(r -> r.get("receivable").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isPositive();
        });
    }

    /** Operations staff see aggregates and ids only: every endpoint that returns names or the chart refuses them. */
    @Test
    void operationsStaffGet403WhereverNamesOrTheChartAreReturned() {
        DemoApi api = new DemoApi(PORTS);
        String patient = treated.get(0);
        String course = api.call("auditor", "GET", "treatment", "/api/courses?patientId=" + patient, null, 200).get(0).get("courseId")
                .asString();
        Map<String, String> named = Map.of(
                "consultations", "/api/patients/" + patient,
                "treatment", "/api/courses/" + course);
        named.forEach((service, path) -> assertThat(api.send("ops", "GET", service, path, null).status()).as(path).isEqualTo(403));
        assertThat(api.send("ops", "GET", "consultations", "/api/patients/" + patient + "/history", null).status()).isEqualTo(403);
        assertThat(api.send("ops", "GET", "treatment", "/api/courses?patientId=" + patient, null).status()).isEqualTo(403);
        assertThat(api.send("ops", "GET", "treatment", "/api/courses/" + course + "/timeline", null).status()).isEqualTo(403);
        assertThat(api.send("ops", "POST", "consultations", "/api/patients/search", Map.of("givenName", "Avery", "familyName", "Demo",
                "dateOfBirth", "1980-01-01", "phone", "+1 555 000 0000")).status()).isEqualTo(403);
    }

    @Test
    void inChromiumTheChainOverviewSignsInUpdatesLiveExportsCsvAndTheAuditorReplaysACourse() throws Exception {
        WebDriver browser = chromium();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.withMessage(() -> "on " + browser.getCurrentUrl() + ": " + browser.getPageSource().substring(0,
                    Math.min(600, browser.getPageSource().length())));
            browser.get(platform.dashboardUrl() + "/dashboard");
            signIn(browser, wait, "ops");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-tile=sessions] .value")));
            assertThat(browser.getTitle()).isEqualTo("Chain overview — CareCourse operations");
            assertThat(browser.findElements(By.cssSelector("canvas[data-chart]"))).hasSize(5);
            wait.until(d -> !tile(d, "sessions").equals("0"));
            Files.createDirectories(SCREENSHOT.getParent());
            Files.write(SCREENSHOT, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

            // A session started at Chicago reaches the page over Kafka, the read model and server-sent events: no reload.
            String before = tile(browser, "sessions");
            ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
            publishSessionAtChicago();
            wait.until(d -> !tile(d, "sessions").equals(before));
            assertThat(Integer.parseInt(tile(browser, "sessions").replace(",", ""))).isEqualTo(Integer.parseInt(before.replace(",", "")) + 1);
            assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;")).isEqualTo(true);

            browser.findElement(By.cssSelector("a[data-export=comparison]")).click();
            Path csv = await().atMost(Duration.ofSeconds(30)).until(() -> downloaded("carecourse-comparison-"), p -> p != null);
            List<String> lines = Files.readAllLines(csv);
            assertThat(lines.get(0)).startsWith("Clinic,Region,Sessions,Infusions,Booked,No-show rate");
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("CareCourse Chicago,Midwest,"));
            assertThat(lines).hasSize(1 + DemoChain.CLINICS.size());

            // Signing out ends the issuer's session too: the next page asks who you are.
            browser.findElement(By.cssSelector("form.signout button")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            browser.get(platform.dashboardUrl() + "/audit");
            signIn(browser, wait, "auditor");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("patientId"))).sendKeys(treated.get(0));
            browser.findElement(By.cssSelector("form[action='/audit'] button")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#demographics")));
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#courses a"))).click();
            WebElement verification = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verification")));
            assertThat(verification.getAttribute("data-intact")).isEqualTo("true");
            assertThat(verification.getText()).startsWith("Intact");
            assertThat(browser.findElements(By.cssSelector("#timeline tbody tr"))).hasSizeGreaterThan(1);
            assertThat(browser.findElement(By.id("replay")).getText()).contains("\"courseId\"");
        } finally {
            browser.quit();
        }
    }

    private static void signIn(WebDriver browser, WebDriverWait wait, String user) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private static String tile(WebDriver browser, String id) {
        return browser.findElement(By.cssSelector("[data-tile=" + id + "] .value")).getText();
    }

    private static void publishSessionAtChicago() throws Exception {
        UUID patient = UUID.randomUUID();
        UUID clinic = DemoChain.CHICAGO.id();
        IntegrationEvent<SessionStarted> event = IntegrationEvent.of(UUID.randomUUID(), Instant.now(), patient, clinic, "browser-it",
                "browser-it", new Actor("nurse.chicago", "nurse"), new SessionStarted(UUID.randomUUID(), UUID.randomUUID(), "iv-ketamine",
                        new BigDecimal("35"), new BigDecimal("0.5"), new BigDecimal("70"), false, Instant.now(), List.of()));
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", platform.kafkaBootstrapServers(),
                "key.serializer", StringSerializer.class, "value.serializer", StringSerializer.class))) {
            producer.send(new ProducerRecord<>(TreatmentTopics.COURSE, patient.toString(), EventJson.write(event))).get();
        }
    }

    private static Path downloaded(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(DOWNLOADS)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().endsWith(".csv"))
                    .findFirst().orElse(null);
        }
    }

    /** Debian's chromium, headless, through Debian's chromedriver: nothing is downloaded, no Selenium Manager. */
    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1800", "--user-data-dir=" + DATA.resolve("chromium-profile"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static Map<String, BigDecimal> totals(JsonNode comparison) {
        Map<String, BigDecimal> totals = new java.util.TreeMap<>();
        comparison.valueStream().forEach(clinic -> clinic.get("totals").properties()
                .forEach(figure -> totals.merge(figure.getKey(), figure.getValue().decimalValue(), BigDecimal::add)));
        return totals;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
