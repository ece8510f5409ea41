package org.carecourse.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.carecourse.contracts.EventJson;
import org.carecourse.contracts.EventTypes;
import org.carecourse.contracts.fixtures.GoldenFixtures;
import org.carecourse.contracts.scheduling.AppointmentBooked;
import org.carecourse.contracts.scheduling.ClinicRegistered;
import org.carecourse.contracts.scheduling.SchedulingTopics;
import org.carecourse.contracts.screening.EligibilityDecided;
import org.carecourse.contracts.screening.ScreeningTopics;
import org.carecourse.contracts.treatment.CourseClosed;
import org.carecourse.contracts.treatment.TreatmentCourseOpened;
import org.carecourse.contracts.treatment.TreatmentTopics;
import org.carecourse.servicekit.testing.PlatformWiring;
import org.carecourse.servicekit.testing.RunnableServiceContract;
import org.carecourse.testkit.Api;
import org.carecourse.testkit.Concurrent;
import org.carecourse.testkit.PlatformInfraExtension;
import org.carecourse.testkit.TestTokens;
import org.carecourse.testkit.TopicProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

@ExtendWith(PlatformInfraExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + SchedulingApplication.NAME)
class SchedulingIT extends RunnableServiceContract {


    @Test
    void aRegisteredClinicIsListedAndPublishedOnceEvenWhenRegisteredTwice() {
        UUID clinic = UUID.randomUUID();
        Api api = Api.onPort(port);
        String body = "{\"name\": \"CareCourse Boulder\", \"timeZone\": \"America/Denver\"}";
        try (TopicProbe clinicTopic = new TopicProbe(SchedulingTopics.CLINIC)) {
            assertThat(api.put("/api/clinics/" + clinic, body, ADMIN).status()).isEqualTo(202);
            assertThat(api.put("/api/clinics/" + clinic, body, ADMIN).status()).isEqualTo(202);

            TopicProbe.Record record = await().atMost(Duration.ofSeconds(30)).until(
                    () -> clinicTopic.poll().stream().filter(r -> clinic.toString().equals(r.key())).findFirst(),
                    Optional::isPresent).orElseThrow();
            assertThat(GoldenFixtures.shape(record.value()))
                    .isEqualTo(GoldenFixtures.shape(GoldenFixtures.of(EventTypes.of(ClinicRegistered.class))));
            assertThat(EventJson.read(record.value()).payload())
                    .isEqualTo(new ClinicRegistered(clinic, "CareCourse Boulder", "America/Denver"));
        }
        assertThat(PlatformWiring.storedEvents(context, clinic.toString())).isEqualTo(1);
        String frontDesk = TestTokens.staff("fd", "front-desk", Set.of(clinic));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(api.get("/api/clinics/" + clinic, frontDesk).body()).contains("\"timeZone\":\"America/Denver\""));
    }

    @Test
    void reRegisteringWithOtherDetailsIsA409NamingTheRule() {
        UUID clinic = UUID.randomUUID();
        Api api = Api.onPort(port);
        api.put("/api/clinics/" + clinic, "{\"name\": \"Aurora\", \"timeZone\": \"America/Denver\"}", ADMIN);
        Api.Response conflict = api.put("/api/clinics/" + clinic, "{\"name\": \"Aurora\", \"timeZone\": \"America/Chicago\"}", ADMIN);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(EventJson.tree(conflict.body()).get("rule").asString()).isEqualTo("clinic-already-registered");
        assertThat(PlatformWiring.storedEvents(context, clinic.toString())).isEqualTo(1);
    }

    @Test
    void onlyAdminsRegisterAndTimeZonesMustBeReal() {
        UUID clinic = UUID.randomUUID();
        Api api = Api.onPort(port);
        String frontDesk = TestTokens.staff("fd", "front-desk", Set.of(clinic));
        assertThat(api.put("/api/clinics/" + clinic, "{\"name\": \"X\", \"timeZone\": \"America/Denver\"}", frontDesk).status())
                .isEqualTo(403);
        Api.Response invalid = api.put("/api/clinics/" + clinic, "{\"name\": \"X\", \"timeZone\": \"Mars/Olympus\"}", ADMIN);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"field\":\"timeZone\"");
        assertThat(PlatformWiring.storedEvents(context, clinic.toString())).isZero();
    }

    /** A registered clinic (in its zone) with one infusion chair, as its admin sets it up; returns the chair. */
    private UUID clinicWithChair(UUID clinic, String capability) {
        Api api = Api.onPort(port);
        assertThat(api.put("/api/clinics/" + clinic, "{\"name\": \"CareCourse Golden\", \"timeZone\": \"America/Denver\"}", ADMIN)
                .status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/api/clinics/" + clinic, ADMIN).status() == 200);
        UUID chair = UUID.randomUUID();
        String admin = TestTokens.staff("admin.golden", "admin", Set.of(clinic));
        Api.Response added = api.put("/api/clinics/" + clinic + "/chairs/" + chair,
                "{\"name\": \"Chair 1\", \"capabilities\": [\"" + capability + "\"]}", admin);
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        return chair;
    }

    private static String booking(UUID patient, UUID chair, String type, Instant startsAt, int minutes) {
        return """
                {"patientId": "%s", "chairId": "%s", "type": "%s", "startsAt": "%s", "minutes": %d}"""
                .formatted(patient, chair, type, startsAt, minutes);
    }

    @Test
    void sixtyFourFrontDesksBookingOneChairSlotAtOnceBookExactlyOneAndNoTwoBookingsEverOverlap() throws Exception {
        UUID clinic = UUID.randomUUID();
        UUID chair = clinicWithChair(clinic, "consult");
        Api api = Api.onPort(port);
        String frontDesk = TestTokens.staff("fd.golden", "front-desk", Set.of(clinic));
        Instant nine = Instant.parse("2026-12-07T16:00:00Z");
        try (TopicProbe appointments = new TopicProbe(SchedulingTopics.APPOINTMENT)) {
            List<Api.Response> answers = Concurrent.run(64, () -> api.post("/api/clinics/" + clinic + "/appointments",
                    booking(UUID.randomUUID(), chair, "consult", nine, 60), frontDesk));
            assertThat(answers).extracting(Api.Response::status).containsOnly(201, 409);
            List<Api.Response> booked = answers.stream().filter(r -> r.status() == 201).toList();
            assertThat(booked).hasSize(1);
            assertThat(answers.stream().filter(r -> r.status() == 409).map(r -> EventJson.tree(r.body()).get("rule").asString()))
                    .containsOnly("chair-taken");
            String patient = EventJson.tree(booked.get(0).body()).get("patientId").asString();
            TopicProbe.Record record = await().atMost(Duration.ofSeconds(30)).until(
                    () -> appointments.poll().stream().filter(r -> patient.equals(r.key())).findFirst(), Optional::isPresent).orElseThrow();
            assertThat(GoldenFixtures.shape(record.value()))
                    .isEqualTo(GoldenFixtures.shape(GoldenFixtures.of(EventTypes.of(AppointmentBooked.class))));
        }
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        assertThat(jdbc.sql("""
                        select count(*) from appointment a join appointment b on a.appointment_id < b.appointment_id
                        and a.status = 'booked' and b.status = 'booked' and a.during && b.during
                        and (a.chair_id = b.chair_id or a.patient_id = b.patient_id)""").query(Long.class).single())
                .as("overlapping bookings of a chair or a patient").isZero();
    }

    @Test
    void aPatientBookedAtOneClinicCannotBeBookedAtTheSameTimeAnywhereAndTheDatabaseSaysWhy() {
        UUID patient = UUID.randomUUID();
        UUID golden = UUID.randomUUID();
        UUID lakewood = UUID.randomUUID();
        UUID goldenChair = clinicWithChair(golden, "consult");
        UUID lakewoodChair = clinicWithChair(lakewood, "consult");
        Api api = Api.onPort(port);
        Instant ten = Instant.parse("2026-12-08T17:00:00Z");
        String frontDesk = TestTokens.staff("fd.both", "front-desk", Set.of(golden, lakewood));
        assertThat(api.post("/api/clinics/" + golden + "/appointments", booking(patient, goldenChair, "consult", ten, 60), frontDesk)
                .status()).isEqualTo(201);
        long events = PlatformWiring.storedEvents(context);
        Api.Response elsewhere = api.post("/api/clinics/" + lakewood + "/appointments",
                booking(patient, lakewoodChair, "consult", ten.plusSeconds(1800), 60), frontDesk);
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(409);
        assertThat(EventJson.tree(elsewhere.body()).get("rule").asString()).isEqualTo("patient-double-booking");
        assertThat(PlatformWiring.storedEvents(context)).as("the refused booking stored nothing").isEqualTo(events);

        Api.Response wrongRoom = api.post("/api/clinics/" + lakewood + "/appointments",
                booking(UUID.randomUUID(), lakewoodChair, "spravato", ten, 120), frontDesk);
        assertThat(wrongRoom.status()).isEqualTo(422);
        assertThat(EventJson.tree(wrongRoom.body()).get("rule").asString()).isEqualTo("chair-capability");
        Api.Response lateEvening = api.post("/api/clinics/" + lakewood + "/appointments",
                booking(UUID.randomUUID(), lakewoodChair, "consult", Instant.parse("2026-12-09T06:30:00Z"), 60), frontDesk);
        assertThat(EventJson.tree(lateEvening.body()).get("rule").asString()).as("23:30 Denver for 60 min").isEqualTo("crosses-midnight");
        String otherClinic = TestTokens.staff("fd.other", "front-desk", Set.of(UUID.randomUUID()));
        assertThat(api.post("/api/clinics/" + golden + "/appointments", booking(UUID.randomUUID(), goldenChair, "consult",
                ten.plusSeconds(7200), 60), otherClinic).status()).isEqualTo(403);
        assertThat(api.post("/api/clinics/" + golden + "/appointments", booking(UUID.randomUUID(), lakewoodChair, "consult",
                ten.plusSeconds(7200), 60), frontDesk).status()).as("another clinic's chair").isEqualTo(422);
        UUID nowhere = UUID.randomUUID();
        assertThat(api.put("/api/clinics/" + nowhere + "/chairs/" + UUID.randomUUID(), "{\"name\": \"Chair\", \"capabilities\": "
                + "[\"consult\"]}", TestTokens.staff("admin.nowhere", "admin", Set.of(nowhere))).status()).isEqualTo(404);
    }

    @Test
    void anInfusionIsBookedOnlyForAPatientEligibleOnTheDayWithAnOpenCourseAndTheRefusalNamesTheGate() {
        UUID clinic = UUID.randomUUID();
        UUID chair = clinicWithChair(clinic, "iv-infusion");
        Api api = Api.onPort(port);
        String frontDesk = TestTokens.staff("fd.gates", "front-desk", Set.of(clinic));
        UUID patient = UUID.randomUUID();
        String appointments = "/api/clinics/" + clinic + "/appointments";
        Instant monday = Instant.parse("2026-12-14T16:00:00Z");
        assertThat(rule(api.post(appointments, booking(patient, chair, "iv-infusion", monday, 90), frontDesk)))
                .isEqualTo("eligibility-required");

        TopicProbe.send(ScreeningTopics.SCREENING_CASE, patient.toString(), GoldenFixtures.of(EventTypes.of(EligibilityDecided.class))
                .replace("8d3c2b1a-6e5f-4a3b-9c8d-7e6f5a4b3c2d", patient.toString())
                .replace("91a2b3c4-d5e6-4f7a-8b8c-9d0e1f2a3b4c", UUID.randomUUID().toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> rule(api.post(appointments, booking(patient, chair, "iv-infusion", monday, 90),
                frontDesk)).equals("course-required"));
        String courseId = UUID.randomUUID().toString();
        TopicProbe.send(TreatmentTopics.COURSE, patient.toString(), GoldenFixtures.of(EventTypes.of(TreatmentCourseOpened.class))
                .replace("8d3c2b1a-6e5f-4a3b-9c8d-7e6f5a4b3c2d", patient.toString()).replace(FIXTURE_COURSE, courseId)
                .replace("feed0000-0000-4000-8000-000000000000", UUID.randomUUID().toString()));
        Api.Response booked = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.post(appointments, booking(patient, chair, "iv-infusion", monday, 90), frontDesk), r -> r.status() == 201);
        JsonNode appointment = EventJson.tree(booked.body());
        assertThat(appointment.get("type").asString()).isEqualTo("iv-infusion");
        assertThat(appointment.get("startsAt").asString()).isEqualTo("2026-12-14T16:00:00Z");
        assertThat(appointment.get("localStart").asString()).as("09:00 on the clinic's clock").isEqualTo("2026-12-14T09:00:00");
        assertThat(appointment.get("zone").asString()).isEqualTo("America/Denver");
        assertThat(rule(api.post(appointments, booking(patient, chair, "iv-infusion", Instant.parse("2027-05-06T16:00:00Z"), 90),
                frontDesk))).as("valid until 2027-05-05").isEqualTo("eligibility-expired");
        assertThat(rule(api.post(appointments, booking(patient, chair, "spravato", monday.plusSeconds(7200), 120), frontDesk)))
                .as("an infusion chair is no Spravato room").isEqualTo("chair-capability");

        TopicProbe.send(TreatmentTopics.COURSE, patient.toString(), GoldenFixtures.of(EventTypes.of(CourseClosed.class))
                .replace("8d3c2b1a-6e5f-4a3b-9c8d-7e6f5a4b3c2d", patient.toString()).replace(FIXTURE_COURSE, courseId)
                .replace("feed0009-0000-4000-8000-000000000009", UUID.randomUUID().toString())
                .replace("2026-11-10T15:00:00Z", "2026-11-20T15:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> rule(api.post(appointments, booking(patient, chair, "iv-infusion",
                monday.plus(Duration.ofDays(2)), 90), frontDesk)).equals("course-required"));
    }

    @Test
    void openingHoursAreTheClinicsOwnClockAcrossTheDstChangeAndClosedDatesAreRefused() {
        UUID clinic = UUID.randomUUID();
        UUID chair = clinicWithChair(clinic, "consult");
        Api api = Api.onPort(port);
        String admin = TestTokens.staff("admin.hours", "admin", Set.of(clinic));
        Api.Response set = api.put("/api/clinics/" + clinic + "/hours", """
                {"weekly": {"MONDAY": [{"opens": "09:00", "closes": "17:00"}], "FRIDAY": [{"opens": "09:00", "closes": "17:00"}]},
                 "closures": ["2026-12-25"]}""", admin);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        String frontDesk = TestTokens.staff("fd.hours", "front-desk", Set.of(clinic));
        String appointments = "/api/clinics/" + clinic + "/appointments";
        // Denver leaves daylight saving on Sunday 2026-11-01: 09:00 is 15:00Z on the Friday before, 16:00Z on the Monday after.
        assertThat(api.post(appointments, booking(UUID.randomUUID(), chair, "consult", Instant.parse("2026-10-30T15:00:00Z"), 60),
                frontDesk).status()).isEqualTo(201);
        assertThat(rule(api.post(appointments, booking(UUID.randomUUID(), chair, "consult", Instant.parse("2026-11-02T15:00:00Z"), 60),
                frontDesk))).as("08:00 on the clinic's clock").isEqualTo("outside-opening-hours");
        assertThat(api.post(appointments, booking(UUID.randomUUID(), chair, "consult", Instant.parse("2026-11-02T16:00:00Z"), 60),
                frontDesk).status()).isEqualTo(201);
        assertThat(rule(api.post(appointments, booking(UUID.randomUUID(), chair, "consult", Instant.parse("2026-10-31T16:00:00Z"), 60),
                frontDesk))).as("no hours on Saturdays").isEqualTo("outside-opening-hours");
        assertThat(rule(api.post(appointments, booking(UUID.randomUUID(), chair, "consult", Instant.parse("2026-12-25T17:00:00Z"), 60),
                frontDesk))).isEqualTo("clinic-closed");
        assertThat(rule(api.post(appointments, booking(UUID.randomUUID(), chair, "consult", Instant.parse("2026-11-02T23:30:00Z"), 60),
                frontDesk))).as("16:30 for 60 min runs past closing").isEqualTo("outside-opening-hours");
        assertThat(api.put("/api/clinics/" + clinic + "/hours", "{\"weekly\": {}}", frontDesk).status()).isEqualTo(403);
    }

    @Test
    void aSeriesBooksWholeOrNotAtAllAndARefusalNamesEveryConflict() {
        UUID clinic = UUID.randomUUID();
        UUID chair = clinicWithChair(clinic, "consult");
        Api api = Api.onPort(port);
        String frontDesk = TestTokens.staff("fd.series", "front-desk", Set.of(clinic));
        String series = "/api/clinics/" + clinic + "/appointment-series";
        Instant first = Instant.parse("2027-02-01T16:00:00Z");
        List<Instant> induction = java.util.stream.IntStream.range(0, 6).mapToObj(i -> first.plus(Duration.ofDays(2L * i))).toList();
        Api.Response booked = api.post(series, seriesBody(UUID.randomUUID(), chair, induction), frontDesk);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(EventJson.tree(booked.body()).size()).isEqualTo(6);

        // Another patient's series wanting the 3rd and 5th of those slots: both named, nothing booked.
        long events = PlatformWiring.storedEvents(context);
        List<Instant> clashing = List.of(first.plus(Duration.ofDays(3)), induction.get(2), first.plus(Duration.ofDays(7)), induction.get(4));
        Api.Response refused = api.post(series, seriesBody(UUID.randomUUID(), chair, clashing), frontDesk);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        JsonNode conflicts = EventJson.tree(refused.body()).get("conflicts");
        assertThat(conflicts.valueStream().map(c -> c.get("startsAt").asString()))
                .containsExactly(induction.get(2).toString(), induction.get(4).toString());
        assertThat(PlatformWiring.storedEvents(context)).as("all or nothing").isEqualTo(events);

        assertThat(rule(api.post(series, seriesBody(UUID.randomUUID(), chair, List.of(first.plus(Duration.ofDays(20)),
                first.plus(Duration.ofDays(20)).plus(Duration.ofHours(20)))), frontDesk))).isEqualTo("series-spacing");
        assertThat(rule(api.post(series, seriesBody(UUID.randomUUID(), chair, List.of(first.plus(Duration.ofDays(30)),
                first.plus(Duration.ofDays(52)))), frontDesk))).isEqualTo("series-window");
    }

    private static String seriesBody(UUID patient, UUID chair, List<Instant> starts) {
        return """
                {"patientId": "%s", "chairId": "%s", "type": "consult", "minutes": 60, "minimumSpacingHours": 24, "windowDays": 21,
                 "starts": [%s]}""".formatted(patient, chair, String.join(", ", starts.stream().map(i -> "\"" + i + "\"").toList()));
    }

    private static final String FIXTURE_COURSE = "4d5e6f70-8192-4a3b-8c4d-5e6f70819203";

    private static String rule(Api.Response response) {
        return response.status() >= 400 ? EventJson.tree(response.body()).path("rule").asString("") : "";
    }

    @Override
    protected List<String> deadLetteringBindings() {
        return List.of("screeningEvents-in-0", "treatmentEvents-in-0");
    }

    @Override
    protected String[] documentedPaths() {
        return new String[] {"\"/api/clinics\"", "\"/api/clinics/{clinicId}\""};
    }

    @Override
    protected List<KeyedWrite> keyedWrites() {
        UUID clinic = UUID.randomUUID();
        UUID chair = clinicWithChair(clinic, "consult");
        // Hours of their own clinic: setting them must not close the clinic the bookings above go to.
        UUID hoursClinic = UUID.randomUUID();
        clinicWithChair(hoursClinic, "consult");
        AtomicInteger day = new AtomicInteger();
        String frontDesk = TestTokens.staff("fd.keyed", "front-desk", Set.of(clinic));
        return List.of(new KeyedWrite("PUT", () -> new Request("/api/clinics/" + UUID.randomUUID(),
                        "{\"name\": \"CareCourse Aurora\", \"timeZone\": \"America/Denver\"}"), ADMIN),
                new KeyedWrite("PUT", () -> new Request("/api/clinics/" + clinic + "/chairs/" + UUID.randomUUID(),
                        "{\"name\": \"Room " + day.incrementAndGet() + "\", \"capabilities\": [\"spravato-observation\"]}"),
                        TestTokens.staff("admin.keyed", "admin", Set.of(clinic))),
                new KeyedWrite("POST", () -> new Request("/api/clinics/" + clinic + "/appointments", booking(UUID.randomUUID(), chair,
                        "consult", Instant.parse("2027-01-04T16:00:00Z").plus(Duration.ofDays(day.incrementAndGet())), 60)),
                        frontDesk),
                new KeyedWrite("POST", () -> {
                    Instant start = Instant.parse("2027-01-04T18:00:00Z").plus(Duration.ofDays(day.addAndGet(2)));
                    return new Request("/api/clinics/" + clinic + "/appointment-series", seriesBody(UUID.randomUUID(), chair,
                            List.of(start, start.plus(Duration.ofDays(1)))));
                }, frontDesk),
                new KeyedWrite("PUT", () -> new Request("/api/clinics/" + hoursClinic + "/hours", "{\"weekly\": {\"MONDAY\": [{\"opens\": "
                        + "\"08:00\", \"closes\": \"" + (10 + day.incrementAndGet() % 9) + ":00\"}]}}"),
                        TestTokens.staff("admin.hours.keyed", "admin", Set.of(hoursClinic))));
    }

    @Override
    protected List<HostileCase> hostileCases() {
        String clinic = "/api/clinics/" + UUID.randomUUID();
        return List.of(
                new HostileCase("a 121-character clinic name", "PUT", clinic,
                        "{\"name\": \"" + "C".repeat(121) + "\", \"timeZone\": \"America/Denver\"}", ADMIN, 400, "name"),
                new HostileCase("a 65-character time zone", "PUT", clinic,
                        "{\"name\": \"Aurora\", \"timeZone\": \"" + "Z".repeat(65) + "\"}", ADMIN, 400, "timeZone"),
                new HostileCase("a 201-character chair name", "PUT", clinic + "/chairs/" + UUID.randomUUID(),
                        "{\"name\": \"" + "c".repeat(201) + "\", \"capabilities\": [\"consult\"]}", ADMIN, 400, "name"),
                new HostileCase("an unknown chair capability", "PUT", clinic + "/chairs/" + UUID.randomUUID(),
                        "{\"name\": \"Room\", \"capabilities\": [\"sauna\"]}", ADMIN, 400, "capabilities[0]"),
                new HostileCase("a booking of 9,999 minutes", "POST", clinic + "/appointments", booking(UUID.randomUUID(),
                        UUID.randomUUID(), "iv-infusion", Instant.parse("2026-12-07T16:00:00Z"), 9_999), ADMIN, 400, "minutes"),
                new HostileCase("an unknown appointment type", "POST", clinic + "/appointments", booking(UUID.randomUUID(),
                        UUID.randomUUID(), "massage", Instant.parse("2026-12-07T16:00:00Z"), 60), ADMIN, 400, "type"),
                new HostileCase("four opening ranges on one day", "PUT", clinic + "/hours", "{\"weekly\": {\"MONDAY\": ["
                        + "{\"opens\": \"08:00\", \"closes\": \"09:00\"},".repeat(3) + "{\"opens\": \"10:00\", \"closes\": \"11:00\"}]}}",
                        ADMIN, 400, "weekly[MONDAY]"),
                new HostileCase("a range that closes before it opens", "PUT", clinic + "/hours",
                        "{\"weekly\": {\"MONDAY\": [{\"opens\": \"17:00\", \"closes\": \"09:00\"}]}}", ADMIN, 400,
                        "weekly[MONDAY][0].ordered"),
                new HostileCase("a series of 13 appointments", "POST", clinic + "/appointment-series", """
                        {"patientId": "%s", "chairId": "%s", "type": "consult", "minutes": 60, "minimumSpacingHours": 24,
                         "windowDays": 21, "starts": [%s]}""".formatted(UUID.randomUUID(), UUID.randomUUID(),
                        String.join(", ", java.util.Collections.nCopies(13, "\"2027-03-01T16:00:00Z\""))), ADMIN, 400, "starts"),
                new HostileCase("a clinic id that is no UUID", "PUT", "/api/clinics/aurora",
                        "{\"name\": \"Aurora\", \"timeZone\": \"America/Denver\"}", ADMIN, 400, "clinicId"));
    }
}
