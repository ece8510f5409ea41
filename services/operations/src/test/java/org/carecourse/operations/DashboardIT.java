package org.carecourse.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carecourse.contracts.Actor;
import org.carecourse.contracts.EventJson;
import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.contracts.billing.BillingTopics;
import org.carecourse.contracts.billing.ChargePosted;
import org.carecourse.contracts.consultations.ConsultationRequested;
import org.carecourse.contracts.consultations.ConsultationsTopics;
import org.carecourse.contracts.scheduling.AppointmentBooked;
import org.carecourse.contracts.scheduling.AppointmentNoShowed;
import org.carecourse.contracts.scheduling.ChairAdded;
import org.carecourse.contracts.scheduling.ClinicHoursSet;
import org.carecourse.contracts.scheduling.ClinicRegistered;
import org.carecourse.contracts.scheduling.SchedulingTopics;
import org.carecourse.contracts.treatment.SessionStarted;
import org.carecourse.contracts.treatment.TreatmentTopics;
import org.carecourse.operations.dashboard.query.ConsumerLag;
import org.carecourse.operations.rebuild.ReadModelRebuild;
import org.carecourse.testkit.Api;
import org.carecourse.testkit.Concurrent;
import org.carecourse.testkit.PlatformInfraExtension;
import org.carecourse.testkit.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import tools.jackson.databind.JsonNode;

/**
 * The dashboard as pages and CSV (signed in as a browser would be, by an ID token's claims), the
 * regions clinics report under, and the rebuild of every read model from the topics. The
 * browser's own sign-in through the issuer, live updates and the real browser are shown by
 * infra/local's DashboardBrowserIT.
 */
@ExtendWith(PlatformInfraExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + OperationsApplication.NAME)
class DashboardIT {

    private static final Pattern TILE = Pattern.compile("data-tile=\"([a-z-]+)\">\\s*<span class=\"label\">[^<]*</span>\\s*"
            + "<span class=\"value\">([^<]*)</span>");

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;
    MockMvc browser;

    @BeforeEach
    void browser() {
        browser = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    /**
     * Two clinics, one in Chicago, one in Denver, in two regions: the overview's headline figures
     * add both up, the region filter keeps one, and the per-day table and its CSV carry the same
     * numbers, each on its clinic's own calendar day.
     */
    @Test
    void theChainOverviewAddsUpTheClinicsOfTheSignInAndARegionKeepsItsOwn() throws Exception {
        UUID chicago = announce("Lakeshore " + UUID.randomUUID().toString().substring(0, 6), "America/Chicago");
        UUID denver = announce("Foothills " + UUID.randomUUID().toString().substring(0, 6), "America/Denver");
        String admin = TestTokens.staff("admin.chain", "admin", Set.of(chicago, denver));
        Api api = Api.onPort(port);
        assertThat(api.put("/api/dashboard/clinics/" + chicago + "/region", "{\"region\": \"Midwest\"}", admin).status()).isEqualTo(200);
        assertThat(api.put("/api/dashboard/clinics/" + denver + "/region", "{\"region\": \"Front Range\"}", admin).status()).isEqualTo(200);

        // Monday 7 December 2026, 23:30 in Chicago is already Tuesday in UTC: Chicago's Monday.
        Instant lateMonday = LocalDate.parse("2026-12-07").atTime(23, 30).atZone(ZoneId.of("America/Chicago")).toInstant();
        UUID patient = UUID.randomUUID();
        OperationsIT.send(SchedulingTopics.APPOINTMENT, OperationsIT.event(patient, chicago, new AppointmentBooked(UUID.randomUUID(), chicago,
                UUID.randomUUID(), "iv-infusion", lateMonday, lateMonday.plus(Duration.ofMinutes(20)), UUID.randomUUID(), null, null, null,
                false)));
        OperationsIT.send(SchedulingTopics.APPOINTMENT, OperationsIT.event(patient, chicago, new AppointmentNoShowed(UUID.randomUUID(),
                chicago, "iv-infusion", null, lateMonday, lateMonday.plus(Duration.ofMinutes(15)))));
        sessions(patient, chicago, lateMonday, 2);
        sessions(UUID.randomUUID(), denver, Instant.parse("2026-12-08T16:00:00Z"), 3);
        OperationsIT.send(BillingTopics.ACCOUNT, OperationsIT.event(patient, chicago, new ChargePosted(UUID.randomUUID(), chicago,
                LocalDate.parse("2026-12-07"), "iv-infusion", "USD", new BigDecimal("450.00"), null, "InfusionAdministered", UUID.randomUUID(),
                List.of())));
        String range = "from=2026-12-01&to=2026-12-14";
        RequestPostProcessor ops = signedIn("ops.chain", "operations", chicago, denver);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(tiles(page("/dashboard?" + range, ops)))
                .containsEntry("sessions", "5").containsEntry("charged", "450.00").containsEntry("no-show-rate", "100.0%"));

        Map<String, String> midwest = tiles(page("/dashboard?" + range + "&region=Midwest", ops));
        assertThat(midwest).containsEntry("sessions", "2").containsEntry("charged", "450.00");
        assertThat(tiles(page("/dashboard?" + range + "&region=Front Range", ops))).containsEntry("sessions", "3")
                .containsEntry("charged", "0.00").containsEntry("no-show-rate", "—");
        String denverPage = page("/dashboard/clinics/" + denver + "?" + range, ops);
        assertThat(tiles(denverPage)).containsEntry("sessions", "3");
        assertThat(denverPage).as("a clinic's page tells the time in its zone").containsPattern("Figures as of \\d\\d:\\d\\d:\\d\\d MST\\.");

        String csv = csv("/dashboard/export/activity.csv?" + range + "&clinicId=" + chicago, ops);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("Day,Clinic,Booked,Completed,Cancelled,Late cancels,No-shows,IV sessions");
        assertThat(csv.lines().filter(line -> line.startsWith("2026-12-07,")).findFirst().orElseThrow())
                .as("Chicago's Monday, not UTC's Tuesday").startsWith("2026-12-07,Lakeshore").contains(",1,0,0,0,1,2,0,0,");
        assertThat(csv.lines().filter(line -> line.startsWith("2026-12-08,")).findFirst().orElseThrow())
                .as("an open day with nothing booked: 2 chairs × 10 hours offered").contains(",0,0,0,0,0,0,0,0,0.0,20.0,0.000,");
        String weekly = csv("/dashboard/export/comparison.csv?" + range + "&by=week", ops);
        assertThat(weekly.lines().filter(line -> line.contains("Foothills")).findFirst().orElseThrow()).contains(",Front Range,3,");
    }

    @Test
    void onlyOperationsStaffAndAdminsSeeTheDashboardAndOnlyAuditorsTheAuditPagesThatShowNames() throws Exception {
        UUID clinic = announce("Scope " + UUID.randomUUID(), "America/Denver");
        assertThat(browser.perform(get("/dashboard").with(signedIn("fd", "front-desk", clinic))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(browser.perform(get("/dashboard/export/activity.csv").with(signedIn("nurse", "nurse", clinic))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        for (String audit : List.of("/audit", "/audit/patients/" + UUID.randomUUID(), "/audit/courses/" + UUID.randomUUID())) {
            assertThat(browser.perform(get(audit).with(signedIn("ops", "operations", clinic))).andReturn().getResponse().getStatus())
                    .as("operations staff on %s, a page that shows names", audit).isEqualTo(403);
        }
        MvcResult anonymous = browser.perform(get("/dashboard").accept(MediaType.TEXT_HTML)).andReturn();
        assertThat(anonymous.getResponse().getStatus()).isEqualTo(302);
        assertThat(anonymous.getResponse().getRedirectedUrl()).endsWith("/oauth2/authorization/carecourse");
        assertThat(browser.perform(get("/dashboard").header("HX-Request", "true")).andReturn().getResponse().getStatus())
                .as("a background refresh after the session ended").isEqualTo(401);
        assertThat(Api.onPort(port).get("/api/dashboard/activity?from=2026-12-01&to=2026-12-02", null).status())
                .as("the API stays bearer-only").isEqualTo(401);

        String other = "Elsewhere " + UUID.randomUUID();
        UUID outside = announce(other, "America/Denver");
        String page = page("/dashboard?clinicId=" + outside, signedIn("ops", "operations", clinic));
        assertThat(page).as("a clinic outside the sign-in is neither listed nor counted").doesNotContain(other);
        assertThat(browser.perform(get("/dashboard/clinics/" + outside).with(signedIn("ops", "operations", clinic))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(browser.perform(get("/dashboard/export/nothing.csv").with(signedIn("ops", "operations", clinic))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(browser.perform(get("/dashboard?from=2026-01-01&to=2027-06-01").with(signedIn("ops", "operations", clinic)))
                .andReturn().getResponse().getStatus()).as("over 366 days").isEqualTo(422);
    }

    @Test
    void aClinicNamedLikeAFormulaIsExportedAsTextAndAnEmptyTableSaysWhy() throws Exception {
        UUID clinic = announce("=HYPERLINK(\"http://x\",\"y\")", "America/Denver");
        RequestPostProcessor ops = signedIn("ops", "operations", clinic);
        String csv = csv("/dashboard/export/comparison.csv?from=2026-12-01&to=2026-12-02", ops);
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(page("/dashboard?from=2026-12-01&to=2026-12-02", ops))
                .contains("Nobody asked for a consultation at these clinics in this range.")
                .contains("No course at these clinics has had three sessions and an assessment yet.");
    }

    @Test
    void regionsAreSetByAdminsOfTheClinicBoundedAndSixtyFourAtOnceLeaveOneAssignment() throws Exception {
        UUID clinic = announce("Region " + UUID.randomUUID(), "America/Denver");
        Api api = Api.onPort(port);
        String admin = TestTokens.staff("admin.denver", "admin", Set.of(clinic));
        String path = "/api/dashboard/clinics/" + clinic + "/region";
        assertThat(api.put(path, "{\"region\": \"" + "x".repeat(61) + "\"}", admin).status()).isEqualTo(400);
        assertThat(api.put(path, "{\"region\": \"<script>\"}", admin).status()).isEqualTo(400);
        assertThat(api.put(path, "{\"region\": \"  \"}", admin).status()).isEqualTo(400);
        assertThat(api.put(path, "{\"region\": \"West\"}", TestTokens.staff("ops", "operations", Set.of(clinic))).status()).isEqualTo(403);
        assertThat(api.put(path, "{\"region\": \"West\"}", TestTokens.staff("admin.other", "admin", Set.of(UUID.randomUUID()))).status())
                .isEqualTo(403);
        UUID unknown = UUID.randomUUID();
        Api.Response unannounced = api.put("/api/dashboard/clinics/" + unknown + "/region", "{\"region\": \"West\"}",
                TestTokens.staff("admin", "admin", Set.of(unknown)));
        assertThat(unannounced.status()).isEqualTo(422);
        assertThat(regionRows(clinic) + regionRows(unknown)).as("nothing stored by refused requests").isZero();

        List<Api.Response> answers = Concurrent.run(64, () -> api.sendKeyed("PUT", path, "{\"region\": \"Front Range\"}", admin,
                UUID.randomUUID().toString()));
        assertThat(answers).extracting(Api.Response::status).containsOnly(200);
        assertThat(regionRows(clinic)).isEqualTo(1);
        assertThat(jdbc.sql("select set_by from clinic_region where clinic_id = ?").param(clinic).query(String.class).single())
                .as("who set it").isEqualTo("admin.denver");
        JsonNode regions = EventJson.tree(api.get("/api/dashboard/regions", TestTokens.staff("ops", "operations", Set.of(clinic))).body());
        assertThat(regions.valueStream().map(r -> r.get("region").asString())).containsExactly("Front Range");
    }

    /**
     * Every read model emptied and rebuilt by resetting the consumer group to the start of each
     * topic: afterwards every figure of every clinic the other tests left behind is what it was,
     * and the consumers have caught up (no lag). The regions an admin set survive.
     */
    @Test
    void theReadModelsRebuiltFromTheTopicsAreIdentical() throws Exception {
        UUID clinic = announce("Rebuild " + UUID.randomUUID(), "America/Chicago");
        sessions(UUID.randomUUID(), clinic, Instant.parse("2026-12-01T15:00:00Z"), 4);
        OperationsIT.send(ConsultationsTopics.CONSULTATION, OperationsIT.event(UUID.randomUUID(), clinic, new ConsultationRequested(
                UUID.randomUUID(), UUID.randomUUID(), clinic, List.of("depression"))));
        String admin = TestTokens.staff("admin", "admin", Set.of(clinic));
        Api api = Api.onPort(port);
        assertThat(api.put("/api/dashboard/clinics/" + clinic + "/region", "{\"region\": \"Midwest\"}", admin).status()).isEqualTo(200);
        ConsumerLag lag = context.getBean(ConsumerLag.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> Long.valueOf(0).equals(lag.current().total()));
        List<UUID> clinics = jdbc.sql("select clinic_id from clinic order by clinic_id").query(UUID.class).list();
        String everyone = TestTokens.staff("ops.all", "operations", clinics);
        Map<String, String> before = figures(api, everyone, clinics);
        assertThat(before.get("activity")).contains("\"iv-sessions\":4");
        long inbox = jdbc.sql("select count(*) from inbox_message where consumer like 'operations-%'").query(Long.class).single();

        assertThat(api.post("/api/admin/read-models/rebuild", "{}", TestTokens.staff("ops", "operations", clinics)).status())
                .isEqualTo(403);
        Api.Response started = api.post("/api/admin/read-models/rebuild", "{}", TestTokens.staff("admin", "admin", clinics));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        ReadModelRebuild rebuild = context.getBean(ReadModelRebuild.class);
        await().atMost(Duration.ofSeconds(120)).until(() -> rebuild.status().state() != ReadModelRebuild.State.RUNNING);
        assertThat(rebuild.status().state()).as(String.valueOf(rebuild.status().problem())).isEqualTo(ReadModelRebuild.State.DONE);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            assertThat(lag.current().total()).isZero();
            assertThat(figures(api, everyone, clinics)).isEqualTo(before);
        });
        assertThat(jdbc.sql("select count(*) from inbox_message where consumer like 'operations-%'").query(Long.class).single())
                .as("each record taken once again").isEqualTo(inbox);
        assertThat(regionRows(clinic)).as("the admin's region is kept").isEqualTo(1);
    }

    /** Every dashboard read, as JSON, for the given clinics over a wide range. */
    private static Map<String, String> figures(Api api, String token, List<UUID> clinics) {
        Map<String, String> all = new LinkedHashMap<>();
        String range = "from=2026-01-01&to=2026-12-31";
        all.put("activity", api.get("/api/dashboard/activity?" + range, token).body());
        all.put("comparison", api.get("/api/dashboard/comparison?" + range, token).body());
        all.put("watch", api.get("/api/dashboard/watch", token).body());
        all.put("outcomes", api.get("/api/dashboard/outcomes", token).body());
        all.put("receivables", api.get("/api/dashboard/receivables", token).body());
        clinics.forEach(c -> all.put("funnel " + c, api.get("/api/dashboard/clinics/" + c + "/funnel?" + range, token).body()));
        return all;
    }

    private long regionRows(UUID clinic) {
        return jdbc.sql("select count(*) from clinic_region where clinic_id = ?").param(clinic).query(Long.class).single();
    }

    private static void sessions(UUID patient, UUID clinic, Instant at, int count) {
        UUID course = UUID.randomUUID();
        for (int i = 0; i < count; i++) {
            OperationsIT.send(TreatmentTopics.COURSE, OperationsIT.event(patient, clinic, new SessionStarted(course, UUID.randomUUID(),
                    "iv-ketamine", new BigDecimal("35"), new BigDecimal("0.5"), new BigDecimal("70"), false, at.plusSeconds(60L * i),
                    List.of())));
        }
    }

    /** Announced with two chairs open 08:00–18:00 every weekday, as scheduling would. */
    private UUID announce(String name, String zone) {
        UUID clinic = UUID.randomUUID();
        OperationsIT.send(SchedulingTopics.CLINIC, IntegrationEvent.of(UUID.randomUUID(), Instant.now(), null, clinic, "c", "c",
                Actor.system("scheduling"), new ClinicRegistered(clinic, name, zone)));
        for (int chair = 0; chair < 2; chair++) {
            OperationsIT.send(SchedulingTopics.CLINIC, OperationsIT.event(null, clinic, new ChairAdded(clinic, UUID.randomUUID(),
                    "Chair " + chair, List.of("iv-infusion"))));
        }
        List<ClinicHoursSet.Range> weekdays = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            weekdays.add(new ClinicHoursSet.Range(day, "08:00", "18:00"));
        }
        OperationsIT.send(SchedulingTopics.CLINIC, OperationsIT.event(null, clinic, new ClinicHoursSet(clinic, weekdays, List.of())));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from clinic where clinic_id = ?").param(clinic)
                .query(Long.class).single() == 1);
        return clinic;
    }

    private static RequestPostProcessor signedIn(String user, String role, UUID... clinics) {
        Collection<String> ids = java.util.Arrays.stream(clinics).map(UUID::toString).toList();
        return oidcLogin().idToken(token -> token.subject(user).claim("roles", List.of(role)).claim("clinics", ids))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    private String page(String path, RequestPostProcessor user) throws Exception {
        MvcResult result = browser.perform(get(path).with(user)).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String csv(String path, RequestPostProcessor user) throws Exception {
        MvcResult result = browser.perform(get(path).with(user)).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).startsWith("text/csv");
        assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment;").contains(".csv");
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static Map<String, String> tiles(String html) {
        Map<String, String> tiles = new LinkedHashMap<>();
        Matcher matcher = TILE.matcher(html);
        while (matcher.find()) {
            tiles.put(matcher.group(1), matcher.group(2));
        }
        assertThat(tiles).as("headline tiles on the page").isNotEmpty();
        return tiles;
    }
}
