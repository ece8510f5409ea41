package org.carecourse.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.carecourse.contracts.EventJson;
import org.carecourse.contracts.EventTypes;
import org.carecourse.contracts.fixtures.GoldenFixtures;
import org.carecourse.contracts.scheduling.AppointmentBooked;
import org.carecourse.contracts.scheduling.AppointmentNoShowed;
import org.carecourse.contracts.scheduling.ClinicHoursSet;
import org.carecourse.contracts.scheduling.ClinicRegistered;
import org.carecourse.contracts.scheduling.SchedulingTopics;
import org.carecourse.contracts.scheduling.SeriesBooked;
import org.carecourse.contracts.scheduling.WaitlistSlotOffered;
import org.carecourse.contracts.screening.EligibilityDecided;
import org.carecourse.contracts.screening.ScreeningTopics;
import org.carecourse.contracts.treatment.CourseClosed;
import org.carecourse.contracts.treatment.RemsPatientEnrolled;
import org.carecourse.contracts.treatment.TreatmentCourseOpened;
import org.carecourse.contracts.treatment.TreatmentTopics;
import org.carecourse.scheduling.booking.notification.AppointmentNotifications;
import org.carecourse.scheduling.clinic.query.ClinicDirectoryProjection;
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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

@ExtendWith(PlatformInfraExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + SchedulingApplication.NAME)
class SchedulingIT extends RunnableServiceContract {

    /** The notification port's test adapter: what scheduling hands over for sending, as an email or SMS adapter would get it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class RecordedNotifications {

        static final List<AppointmentNotifications.Reminder> SENT = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Bean
        @Primary
        AppointmentNotifications recordingNotifications() {
            return SENT::add;
        }
    }

    /** The reminder's deadline hands the appointment, its local time and the type's instructions to the port, by ids only. */
    @Test
    void aReminderFallsDueAtItsLeadTimeAndReachesTheNotificationPortWithTheTypesInstructions() {
        UUID clinic = UUID.randomUUID();
        ZoneId zone = morningZone();
        UUID room = clinicWithChair(clinic, "consult", zone);
        setPolicy(clinic, policy(false, 24, 15, """
                {"consult": {"minutes": 30, "turnoverMinutes": 10, "staffRole": "prescriber",
                             "instructions": "Bring your medication list."}}""").replace("[48, 2]", "[1]"));
        Api api = Api.onPort(port);
        String frontDesk = TestTokens.staff("fd.remind", "front-desk", Set.of(clinic));
        Instant startsAt = Instant.now().plusSeconds(3600 + 3);
        Api.Response booked = api.post("/api/clinics/" + clinic + "/appointments", booking(patient(), room, "consult", startsAt),
                frontDesk);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        UUID appointment = UUID.fromString(EventJson.tree(booked.body()).get("appointmentId").asString());
        AppointmentNotifications.Reminder reminder = await().atMost(Duration.ofSeconds(30)).until(() -> RecordedNotifications.SENT
                .stream().filter(r -> r.appointmentId().equals(appointment)).findFirst(), Optional::isPresent).orElseThrow();
        assertThat(reminder.leadHours()).isEqualTo(1);
        assertThat(reminder.key()).isEqualTo(appointment + "/1h");
        assertThat(reminder.instructions()).isEqualTo("Bring your medication list.");
        assertThat(reminder.startsAt()).isEqualTo(startsAt);
        assertThat(reminder.zone()).isEqualTo(zone.getId());
        assertThat(reminder.localStart()).isEqualTo(java.time.LocalDateTime.ofInstant(startsAt, zone));

        ClinicDirectoryProjection clinics = context.getBean(ClinicDirectoryProjection.class);
        assertThat(clinics.requireZone(clinic)).isEqualTo(zone);
        assertThatThrownBy(() -> clinics.requireZone(UUID.randomUUID())).as("no reminder goes out on a guessed clock")
                .isInstanceOf(IllegalStateException.class);
    }


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

    private static final ZoneId DENVER = ZoneId.of("America/Denver");
    private static final String EVERY_DAY = java.util.Arrays.stream(DayOfWeek.values())
            .map(day -> "{\"day\": \"" + day + "\", \"from\": \"06:00\", \"to\": \"22:00\"}")
            .collect(java.util.stream.Collectors.joining(", ", "[", "]"));

    /** A registered clinic in Denver with one chair of the capability, a nurse and a prescriber on shift 06:00–22:00 daily. */
    private UUID clinicWithChair(UUID clinic, String capability) {
        return clinicWithChair(clinic, capability, DENVER);
    }

    private UUID clinicWithChair(UUID clinic, String capability, ZoneId zone) {
        Api api = Api.onPort(port);
        assertThat(api.put("/api/clinics/" + clinic, "{\"name\": \"CareCourse Golden\", \"timeZone\": \"" + zone.getId() + "\"}",
                ADMIN).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/api/clinics/" + clinic, ADMIN).status() == 200);
        UUID chair = addChair(clinic, "Chair 1", capability);
        assignStaff(clinic, UUID.randomUUID(), "nurse", EVERY_DAY);
        assignStaff(clinic, UUID.randomUUID(), "prescriber", EVERY_DAY);
        return chair;
    }

    private UUID addChair(UUID clinic, String name, String capability) {
        UUID chair = UUID.randomUUID();
        Api.Response added = Api.onPort(port).put("/api/clinics/" + clinic + "/chairs/" + chair,
                "{\"name\": \"" + name + "\", \"capabilities\": [\"" + capability + "\"]}", admin(clinic));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        return chair;
    }

    private void assignStaff(UUID clinic, UUID staff, String role, String shifts) {
        Api.Response assigned = Api.onPort(port).put("/api/clinics/" + clinic + "/staff/" + staff,
                "{\"name\": \"" + role + " " + staff.toString().substring(0, 4) + "\", \"role\": \"" + role + "\", \"shifts\": "
                        + shifts + "}", admin(clinic));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
    }

    private void setPolicy(UUID clinic, String policy) {
        Api.Response set = Api.onPort(port).put("/api/clinics/" + clinic + "/scheduling-policy", policy, admin(clinic));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    private static String admin(UUID clinic) {
        return TestTokens.staff("admin." + clinic.toString().substring(0, 8), "admin", Set.of(clinic));
    }

    /** {@code day} in the week {@code weeksAhead} from now, at {@code hour}:00 on Denver's clock. */
    private static Instant denver(int weeksAhead, DayOfWeek day, int hour) {
        return LocalDate.now(DENVER).plusWeeks(weeksAhead).with(TemporalAdjusters.next(day)).atTime(hour, 0).atZone(DENVER).toInstant();
    }

    /** A fixed-offset IANA zone in which it is now about 10:00, so a clinic there books the next hours within its day. */
    static ZoneId morningZone() {
        int offset = Math.floorMod(10 - ZonedDateTime.now(ZoneOffset.UTC).getHour() + 12, 24) - 12;
        return ZoneId.of(offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
    }

    private static String booking(UUID patient, UUID chair, String type, Instant startsAt) {
        return """
                {"patientId": "%s", "chairId": "%s", "type": "%s", "startsAt": "%s"}""".formatted(patient, chair, type, startsAt);
    }

    @Test
    void sixtyFourFrontDesksBookingOneChairSlotAtOnceBookExactlyOneAndNoTwoBookingsEverOverlap() throws Exception {
        UUID clinic = UUID.randomUUID();
        UUID chair = clinicWithChair(clinic, "consult");
        Api api = Api.onPort(port);
        String frontDesk = TestTokens.staff("fd.golden", "front-desk", Set.of(clinic));
        Instant nine = denver(1, DayOfWeek.MONDAY, 9);
        try (TopicProbe appointments = new TopicProbe(SchedulingTopics.APPOINTMENT)) {
            List<Api.Response> answers = Concurrent.run(64, () -> api.post("/api/clinics/" + clinic + "/appointments",
                    booking(patient(), chair, "consult", nine), frontDesk));
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
        assertNoOverlaps();
    }

    /** The database's own view: no two appointments holding their time share a chair, a clinician's seat or a patient. */
    private void assertNoOverlaps() {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        assertThat(jdbc.sql("""
                        select count(*) from appointment a join appointment b on a.appointment_id < b.appointment_id
                        and a.status in ('booked', 'checked-in', 'completed') and b.status in ('booked', 'checked-in', 'completed')
                        and ((a.override_reason is null and b.override_reason is null
                              and ((a.chair_id = b.chair_id and a.chair_during && b.chair_during)
                                   or (a.staff_id = b.staff_id and a.staff_seat = b.staff_seat and a.during && b.during)))
                             or (a.patient_id = b.patient_id and a.during && b.during))""").query(Long.class).single())
                .as("overlapping bookings of a chair, a clinician's seat or a patient").isZero();
    }

    @Test
    void aPatientBookedAtOneClinicCannotBeBookedAtTheSameTimeAnywhereAndTheDatabaseSaysWhy() {
        UUID patient = patient();
        UUID golden = UUID.randomUUID();
        UUID lakewood = UUID.randomUUID();
        UUID goldenChair = clinicWithChair(golden, "consult");
        UUID lakewoodChair = clinicWithChair(lakewood, "consult");
        Api api = Api.onPort(port);
        Instant ten = denver(1, DayOfWeek.TUESDAY, 10);
        String frontDesk = TestTokens.staff("fd.both", "front-desk", Set.of(golden, lakewood));
        assertThat(api.post("/api/clinics/" + golden + "/appointments", booking(patient, goldenChair, "consult", ten), frontDesk)
                .status()).isEqualTo(201);
        long events = PlatformWiring.storedEvents(context);
        Api.Response elsewhere = api.post("/api/clinics/" + lakewood + "/appointments",
                booking(patient, lakewoodChair, "consult", ten.plusSeconds(900)), frontDesk);
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(409);
        assertThat(EventJson.tree(elsewhere.body()).get("rule").asString()).isEqualTo("patient-double-booking");
        assertThat(PlatformWiring.storedEvents(context)).as("the refused booking stored nothing").isEqualTo(events);

        Api.Response wrongRoom = api.post("/api/clinics/" + lakewood + "/appointments",
                booking(patient(), lakewoodChair, "booster", ten), frontDesk);
        assertThat(wrongRoom.status()).isEqualTo(422);
        assertThat(EventJson.tree(wrongRoom.body()).get("rule").asString()).isEqualTo("chair-capability");
        Api.Response lateEvening = api.post("/api/clinics/" + lakewood + "/appointments",
                booking(patient(), lakewoodChair, "consult", denver(1, DayOfWeek.TUESDAY, 23).plusSeconds(2700)), frontDesk);
        assertThat(rule(lateEvening)).as("23:45 Denver for 30 min").isEqualTo("crosses-midnight");
        assertThat(rule(api.post("/api/clinics/" + lakewood + "/appointments", booking(patient(), lakewoodChair, "consult",
                denver(1, DayOfWeek.TUESDAY, 22)), frontDesk))).as("22:00: nobody on shift").isEqualTo("no-staff-on-shift");
        assertThat(rule(api.post("/api/clinics/" + lakewood + "/appointments", booking(patient(), lakewoodChair, "consult",
                Instant.now().minusSeconds(3600)), frontDesk))).isEqualTo("starts-in-the-past");
        String otherClinic = TestTokens.staff("fd.other", "front-desk", Set.of(UUID.randomUUID()));
        assertThat(api.post("/api/clinics/" + golden + "/appointments", booking(patient(), goldenChair, "consult",
                ten.plusSeconds(7200)), otherClinic).status()).isEqualTo(403);
        assertThat(api.post("/api/clinics/" + golden + "/appointments", booking(patient(), lakewoodChair, "consult",
                ten.plusSeconds(7200)), frontDesk).status()).as("another clinic's chair").isEqualTo(422);
        UUID nowhere = UUID.randomUUID();
        assertThat(api.put("/api/clinics/" + nowhere + "/chairs/" + UUID.randomUUID(), "{\"name\": \"Chair\", \"capabilities\": "
                + "[\"consult\"]}", TestTokens.staff("admin.nowhere", "admin", Set.of(nowhere))).status()).isEqualTo(404);
    }

    /**
     * The acceptance path: screening's decision and treatment's course arrive on Kafka, and the
     * induction series books by the course plan (6 within 21 days, 24 h apart) with SeriesBooked.
     */
    @Test
    void anInfusionIsBookedOnlyForAPatientEligibleOnTheDayWithAnOpenCourseAndTheSeriesBooksByThePlan() {
        UUID clinic = UUID.randomUUID();
        UUID chair = clinicWithChair(clinic, "iv-infusion");
        Api api = Api.onPort(port);
        String frontDesk = TestTokens.staff("fd.gates", "front-desk", Set.of(clinic));
        UUID patient = patient();
        String appointments = "/api/clinics/" + clinic + "/appointments";
        Instant monday = denver(1, DayOfWeek.MONDAY, 9);
        LocalDate validUntil = LocalDate.now(DENVER).plusDays(60);
        assertThat(rule(api.post(appointments, booking(patient, chair, "iv-infusion", monday), frontDesk)))
                .isEqualTo("eligibility-required");
        String availability = "/api/availability?patientId=" + patient + "&type=iv-infusion&clinicId=" + clinic + "&from="
                + LocalDate.ofInstant(monday, DENVER) + "&to=" + LocalDate.ofInstant(monday, DENVER) + "&limit=2";
        assertThat(rule(api.get(availability, frontDesk))).isEqualTo("eligibility-required");

        decide(patient, "iv-ketamine", validUntil);
        await().atMost(Duration.ofSeconds(30)).until(() -> rule(api.post(appointments, booking(patient, chair, "iv-infusion", monday),
                frontDesk)).equals("course-required"));
        String courseId = UUID.randomUUID().toString();
        open(patient, "iv-ketamine", courseId);
        Api.Response booked = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.post(appointments, booking(patient, chair, "iv-infusion", monday), frontDesk), r -> r.status() == 201);
        JsonNode appointment = EventJson.tree(booked.body());
        assertThat(EventJson.tree(api.get(availability.replace("limit=2", "limit=50"), frontDesk).body()).size())
                .as("the course's 24 h spacing leaves the patient no other slot that day").isZero();
        UUID another = infusionPatient(UUID.randomUUID().toString());
        List<String> free = EventJson.tree(api.get(availability.replace("limit=2", "limit=50").replace(patient.toString(),
                another.toString()), frontDesk).body()).valueStream().map(slot -> slot.get("localStart").asString().substring(11, 16))
                .toList();
        assertThat(free).as("one chair: an infusion of 70 min and its 15 min turnover may not meet the one booked at 09:00")
                .contains("06:00", "07:30", "10:30").doesNotContain("07:45", "09:00", "10:15");
        assertThat(appointment.get("type").asString()).isEqualTo("iv-infusion");
        assertThat(appointment.get("startsAt").asString()).isEqualTo(monday.toString());
        assertThat(appointment.get("localStart").asString()).as("09:00 on the clinic's clock").endsWith("T09:00:00");
        assertThat(appointment.get("zone").asString()).isEqualTo("America/Denver");
        assertThat(appointment.get("courseId").asString()).isEqualTo(courseId);
        assertThat(Duration.between(Instant.parse(appointment.get("startsAt").asString()),
                Instant.parse(appointment.get("endsAt").asString()))).as("the clinic's infusion length").isEqualTo(Duration.ofMinutes(70));
        assertThat(rule(api.post(appointments, booking(patient, chair, "iv-infusion",
                validUntil.plusDays(1).atTime(9, 0).atZone(DENVER).toInstant()), frontDesk)))
                .as("valid until " + validUntil).isEqualTo("eligibility-expired");

        // The induction series, by the course plan: six within 21 days, at least 24 h apart; a seventh is past the plan.
        String series = "/api/clinics/" + clinic + "/appointment-series";
        Instant first = denver(2, DayOfWeek.MONDAY, 9);
        List<Instant> induction = java.util.stream.IntStream.range(0, 6).mapToObj(i -> first.plus(Duration.ofDays(2L * i))).toList();
        assertThat(rule(api.post(series, planSeries(patient, java.util.stream.IntStream.range(0, 7)
                .mapToObj(i -> first.plus(Duration.ofDays(2L * i))).toList()), frontDesk))).isEqualTo("series-exceeds-plan");
        assertThat(rule(api.post(series, planSeries(patient, List.of(first, first.plus(Duration.ofHours(20)))), frontDesk)))
                .isEqualTo("series-spacing");
        try (TopicProbe topic = new TopicProbe(SchedulingTopics.APPOINTMENT)) {
            Api.Response inductionBooked = api.post(series, planSeries(patient, induction), frontDesk);
            assertThat(inductionBooked.status()).as(inductionBooked.body()).isEqualTo(201);
            TopicProbe.Record seriesBooked = await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().stream()
                    .filter(r -> patient.toString().equals(r.key()) && r.value().contains("\"SeriesBooked\"")).findFirst(),
                    Optional::isPresent).orElseThrow();
            SeriesBooked payload = (SeriesBooked) EventJson.read(seriesBooked.value()).payload();
            assertThat(payload.appointmentIds()).hasSize(6);
            assertThat(payload.courseId()).hasToString(courseId);
            assertThat(payload.firstStartsAt()).isEqualTo(first);
        }

        TopicProbe.send(TreatmentTopics.COURSE, patient.toString(), GoldenFixtures.of(EventTypes.of(CourseClosed.class))
                .replace("8d3c2b1a-6e5f-4a3b-9c8d-7e6f5a4b3c2d", patient.toString()).replace(FIXTURE_COURSE, courseId)
                .replace("feed0009-0000-4000-8000-000000000009", UUID.randomUUID().toString())
                .replace("2026-11-10T15:00:00Z", "2026-11-20T15:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> rule(api.post(appointments, booking(patient, chair, "iv-infusion",
                monday.plus(Duration.ofDays(1))), frontDesk)).equals("course-required"));
    }

    private static String planSeries(UUID patient, List<Instant> starts) {
        return """
                {"patientId": "%s", "type": "iv-infusion", "starts": [%s]}"""
                .formatted(patient, String.join(", ", starts.stream().map(i -> "\"" + i + "\"").toList()));
    }

    @Test
    void openingHoursAreTheClinicsOwnClockAcrossTheDstChangeAndClosedDatesAreRefused() {
        UUID clinic = UUID.randomUUID();
        UUID chair = clinicWithChair(clinic, "consult");
        Api api = Api.onPort(port);
        // The next change of Denver's offset (either way) falls on a Sunday: the Friday before and the Monday after straddle it.
        LocalDate sunday = LocalDate.ofInstant(DENVER.getRules().nextTransition(Instant.now()).getInstant(), DENVER);
        LocalDate friday = sunday.minusDays(2);
        LocalDate monday = sunday.plusDays(1);
        try (TopicProbe clinicTopic = new TopicProbe(SchedulingTopics.CLINIC)) {
            Api.Response set = api.put("/api/clinics/" + clinic + "/hours", """
                    {"weekly": {"MONDAY": [{"opens": "09:00", "closes": "17:00"}], "FRIDAY": [{"opens": "09:00", "closes": "17:00"}]},
                     "closures": ["%s"]}""".formatted(monday.plusWeeks(1)), admin(clinic));
            assertThat(set.status()).as(set.body()).isEqualTo(200);
            TopicProbe.Record hours = await().atMost(Duration.ofSeconds(30)).until(() -> clinicTopic.poll().stream()
                    .filter(r -> clinic.toString().equals(r.key()) && r.value().contains("\"ClinicHoursSet\"")).findFirst(),
                    Optional::isPresent).orElseThrow();
            assertThat(GoldenFixtures.shape(hours.value()))
                    .isEqualTo(GoldenFixtures.shape(GoldenFixtures.of(EventTypes.of(ClinicHoursSet.class))));
            assertThat(EventJson.read(hours.value()).payload()).isEqualTo(new ClinicHoursSet(clinic, List.of(
                    new ClinicHoursSet.Range("MONDAY", "09:00", "17:00"), new ClinicHoursSet.Range("FRIDAY", "09:00", "17:00")),
                    List.of(monday.plusWeeks(1))));
        }
        String frontDesk = TestTokens.staff("fd.hours", "front-desk", Set.of(clinic));
        String appointments = "/api/clinics/" + clinic + "/appointments";
        Instant fridayNine = friday.atTime(9, 0).atZone(DENVER).toInstant();
        Instant mondayNine = monday.atTime(9, 0).atZone(DENVER).toInstant();
        assertThat(fridayNine.atZone(ZoneOffset.UTC).getHour()).as("the offset changes in between")
                .isNotEqualTo(mondayNine.atZone(ZoneOffset.UTC).getHour());
        assertThat(api.post(appointments, booking(patient(), chair, "consult", fridayNine), frontDesk).status()).isEqualTo(201);
        Api.Response mondayBooked = api.post(appointments, booking(patient(), chair, "consult", mondayNine), frontDesk);
        assertThat(mondayBooked.status()).as(mondayBooked.body()).isEqualTo(201);
        assertThat(EventJson.tree(mondayBooked.body()).get("localStart").asString()).isEqualTo(monday + "T09:00:00");
        assertThat(rule(api.post(appointments, booking(patient(), chair, "consult", mondayNine.minusSeconds(3600)),
                frontDesk))).as("08:00 on the clinic's clock").isEqualTo("outside-opening-hours");
        assertThat(rule(api.post(appointments, booking(patient(), chair, "consult", fridayNine.plus(Duration.ofDays(1))),
                frontDesk))).as("no hours on Saturdays").isEqualTo("outside-opening-hours");
        assertThat(rule(api.post(appointments, booking(patient(), chair, "consult", mondayNine.plus(Duration.ofDays(7))),
                frontDesk))).isEqualTo("clinic-closed");
        assertThat(rule(api.post(appointments, booking(patient(), chair, "consult", monday.atTime(16, 45).atZone(DENVER)
                .toInstant()), frontDesk))).as("16:45 for 30 min runs past closing").isEqualTo("outside-opening-hours");
        assertThat(api.put("/api/clinics/" + clinic + "/hours", "{\"weekly\": {}}", frontDesk).status()).isEqualTo(403);
    }

    @Test
    void aSeriesBooksWholeOrNotAtAllAndARefusalNamesEveryConflict() {
        UUID clinic = UUID.randomUUID();
        UUID chair = clinicWithChair(clinic, "consult");
        Api api = Api.onPort(port);
        String frontDesk = TestTokens.staff("fd.series", "front-desk", Set.of(clinic));
        String series = "/api/clinics/" + clinic + "/appointment-series";
        Instant first = denver(3, DayOfWeek.MONDAY, 9);
        List<Instant> induction = java.util.stream.IntStream.range(0, 6).mapToObj(i -> first.plus(Duration.ofDays(2L * i))).toList();
        Api.Response booked = api.post(series, seriesBody(patient(), chair, induction), frontDesk);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(EventJson.tree(booked.body()).size()).isEqualTo(6);

        // Another patient's series wanting the 3rd and 5th of those slots: both named, nothing booked.
        long events = PlatformWiring.storedEvents(context);
        List<Instant> clashing = List.of(first.plus(Duration.ofDays(3)), induction.get(2), first.plus(Duration.ofDays(7)), induction.get(4));
        Api.Response refused = api.post(series, seriesBody(patient(), chair, clashing), frontDesk);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        JsonNode conflicts = EventJson.tree(refused.body()).get("conflicts");
        assertThat(conflicts.valueStream().map(c -> c.get("startsAt").asString()))
                .containsExactly(induction.get(2).toString(), induction.get(4).toString());
        assertThat(PlatformWiring.storedEvents(context)).as("all or nothing").isEqualTo(events);
        // Each conflict proposes the nearest free slots, 24 h from the series' other starts: taking them books the series.
        List<Instant> proposed = new java.util.ArrayList<>(clashing);
        for (JsonNode conflict : conflicts) {
            assertThat(conflict.get("rules").valueStream().map(JsonNode::asString)).containsExactly("chair-taken");
            JsonNode alternatives = conflict.get("alternatives");
            assertThat(alternatives.size()).isEqualTo(3);
            Instant taken = Instant.parse(conflict.get("startsAt").asString());
            Instant nearest = Instant.parse(alternatives.get(0).get("startsAt").asString());
            assertThat(Duration.between(taken, nearest).abs()).as("the room is free 40 min either side").isEqualTo(Duration.ofMinutes(45));
            proposed.set(proposed.indexOf(taken), nearest);
        }
        Api.Response rebooked = api.post(series, seriesBody(patient(), chair, proposed), frontDesk);
        assertThat(rebooked.status()).as(rebooked.body()).isEqualTo(201);

        assertThat(rule(api.post(series, seriesBody(patient(), chair, List.of(first.plus(Duration.ofDays(20)),
                first.plus(Duration.ofDays(20)).plus(Duration.ofHours(20)))), frontDesk))).isEqualTo("series-spacing");
        assertThat(rule(api.post(series, seriesBody(patient(), chair, List.of(first.plus(Duration.ofDays(30)),
                first.plus(Duration.ofDays(52)))), frontDesk))).isEqualTo("series-window");
        assertThat(rule(api.post(series, """
                {"patientId": "%s", "type": "consult", "starts": ["%s", "%s"]}""".formatted(patient(), first.plus(Duration.ofDays(60)),
                first.plus(Duration.ofDays(61))), frontDesk))).as("a consult has no course plan").isEqualTo("series-plan-required");
    }

    private static String seriesBody(UUID patient, UUID chair, List<Instant> starts) {
        return """
                {"patientId": "%s", "chairId": "%s", "type": "consult", "minimumSpacingHours": 24, "windowDays": 21,
                 "starts": [%s]}""".formatted(patient, chair, String.join(", ", starts.stream().map(i -> "\"" + i + "\"").toList()));
    }

    /** Free slots honour the clinic's hours, the chair's turnover and who is on shift, in each clinic's own time. */
    @Test
    void availabilityIsSearchedAtOneClinicOrSeveralInEachClinicsLocalTime() {
        UUID golden = UUID.randomUUID();
        UUID goldenRoom = clinicWithChair(golden, "consult");
        UUID chicago = UUID.randomUUID();
        clinicWithChair(chicago, "consult", ZoneId.of("America/Chicago"));
        Api api = Api.onPort(port);
        String weekdays = "{\"weekly\": {" + java.util.stream.Stream.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")
                .map(day -> "\"" + day + "\": [{\"opens\": \"09:00\", \"closes\": \"17:00\"}]")
                .collect(java.util.stream.Collectors.joining(", ")) + "}}";
        assertThat(api.put("/api/clinics/" + golden + "/hours", weekdays, admin(golden)).status()).isEqualTo(200);
        assertThat(api.put("/api/clinics/" + chicago + "/hours", weekdays, admin(chicago)).status()).isEqualTo(200);
        String frontDesk = TestTokens.staff("fd.search", "front-desk", Set.of(golden));
        Instant nine = denver(5, DayOfWeek.MONDAY, 9);
        LocalDate monday = LocalDate.ofInstant(nine, DENVER);
        assertThat(api.post("/api/clinics/" + golden + "/appointments", booking(patient(), goldenRoom, "consult", nine),
                frontDesk).status()).isEqualTo(201);
        String search = "/api/availability?patientId=" + patient() + "&type=consult&from=" + monday + "&to=" + monday.plusDays(1);

        JsonNode atGolden = EventJson.tree(api.get(search + "&clinicId=" + golden + "&limit=3", frontDesk).body());
        assertThat(atGolden.valueStream().map(slot -> slot.get("localStart").asString()))
                .as("09:00 is booked, its room turns over until 09:40")
                .containsExactly(monday + "T09:45:00", monday + "T10:00:00", monday + "T10:15:00");
        assertThat(atGolden.get(0).get("zone").asString()).isEqualTo("America/Denver");
        assertThat(atGolden.get(0).get("startsAt").asString()).isEqualTo(nine.plusSeconds(45 * 60).toString());

        JsonNode both = EventJson.tree(api.get(search + "&clinicId=" + golden + "&clinicId=" + chicago + "&limit=4", frontDesk).body());
        assertThat(both.valueStream().map(slot -> slot.get("clinicId").asString() + " " + slot.get("localStart").asString()))
                .as("Chicago's 09:00 is Denver's 08:00, so it comes first").containsExactly(
                        chicago + " " + monday + "T09:00:00", chicago + " " + monday + "T09:15:00", chicago + " " + monday + "T09:30:00",
                        chicago + " " + monday + "T09:45:00");
        assertThat(both.get(0).get("zone").asString()).isEqualTo("America/Chicago");

        JsonNode chainWide = EventJson.tree(api.get(search + "&limit=50", frontDesk).body());
        List<Instant> starts = chainWide.valueStream().map(slot -> Instant.parse(slot.get("startsAt").asString())).toList();
        assertThat(starts).hasSize(50).isSorted();
        assertThat(chainWide.valueStream().map(slot -> slot.get("clinicId").asString()).distinct().count()).isGreaterThan(1);

        assertThat(rule(api.get(search.replace("&to=" + monday.plusDays(1), "&to=" + monday.minusDays(1)), frontDesk)))
                .isEqualTo("search-range");
        assertThat(rule(api.get(search.replace("&to=" + monday.plusDays(1), "&to=" + monday.plusDays(40)), frontDesk)))
                .isEqualTo("search-range");
        Api.Response tooMany = api.get(search + "&limit=999", frontDesk);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("\"field\":\"limit\"");
        assertThat(api.get(search + "&clinicId=" + UUID.randomUUID(), frontDesk).status()).isEqualTo(404);
        assertThat(api.get(search, TestTokens.staff("ops", "operations", Set.of(golden))).status()).isEqualTo(403);
    }

    /** A nurse monitors as many infusions at once as the clinic's ratio; a prescriber sees one patient at a time. */
    @Test
    void clinicianCapacityIsCountedAcrossChairsAndAnAdminMayOverrideItWithAReason() {
        UUID clinic = UUID.randomUUID();
        UUID room1 = clinicWithChair(clinic, "consult");
        UUID room2 = addChair(clinic, "Room 2", "consult");
        Api api = Api.onPort(port);
        String frontDesk = TestTokens.staff("fd.capacity", "front-desk", Set.of(clinic));
        String appointments = "/api/clinics/" + clinic + "/appointments";
        Instant ten = denver(1, DayOfWeek.WEDNESDAY, 10);
        assertThat(api.post(appointments, booking(patient(), room1, "consult", ten), frontDesk).status()).isEqualTo(201);
        Api.Response second = api.post(appointments, booking(patient(), room2, "consult", ten.plusSeconds(600)), frontDesk);
        assertThat(rule(second)).as("one prescriber on shift, already seeing a patient").isEqualTo("staff-at-capacity");
        String withReason = booking(patient(), room2, "consult", ten.plusSeconds(600))
                .replace("}", ", \"overrideReason\": \"locum prescriber arriving at 10:00\"}");
        assertThat(api.post(appointments, withReason, frontDesk).status()).as("only admins override").isEqualTo(403);
        Api.Response overridden = api.post(appointments, withReason, admin(clinic));
        assertThat(overridden.status()).as(overridden.body()).isEqualTo(201);
        assertThat(EventJson.tree(overridden.body()).get("overridden").asBoolean()).isTrue();
        assertThat(EventJson.tree(api.post(appointments, booking(patient(), room1, "consult", ten.plusSeconds(35 * 60)),
                frontDesk).body()).path("rule").asString()).as("room 1 turns over for 10 min after 10:30")
                .isEqualTo("chair-taken");
        assignStaff(clinic, UUID.randomUUID(), "prescriber", EVERY_DAY);
        assertThat(api.post(appointments, booking(patient(), room2, "consult", ten.plusSeconds(900)), admin(clinic)).status())
                .as("room 2 holds an override; the chair guard counts it").isEqualTo(409);
        UUID room3 = addChair(clinic, "Room 3", "consult");
        assertThat(api.post(appointments, booking(patient(), room3, "consult", ten.plusSeconds(900)), frontDesk).status())
                .as("a second prescriber on shift").isEqualTo(201);
        assertNoOverlaps();
    }

    @Test
    void spravatoNeedsAnRemsCertifiedClinicAndAnObservationOfTwoHours() {
        UUID clinic = UUID.randomUUID();
        UUID room = clinicWithChair(clinic, "spravato-observation");
        Api api = Api.onPort(port);
        String frontDesk = TestTokens.staff("fd.rems", "front-desk", Set.of(clinic));
        assertThat(rule(api.post("/api/clinics/" + clinic + "/appointments", booking(patient(), room, "spravato",
                denver(1, DayOfWeek.THURSDAY, 9)), frontDesk))).isEqualTo("rems-certified-clinic-required");
        Api.Response tooShort = api.put("/api/clinics/" + clinic + "/scheduling-policy", policy(true, 24, 15, """
                {"spravato": {"minutes": 90, "turnoverMinutes": 15, "staffRole": "nurse", "instructions": "Arrange a ride."}}"""),
                admin(clinic));
        assertThat(rule(tooShort)).isEqualTo("spravato-observation-too-short");

        setPolicy(clinic, policy(true, 24, 15, "{}"));
        UUID patient = patient();
        String courseId = UUID.randomUUID().toString();
        decide(patient, "spravato", LocalDate.now(DENVER).plusDays(60));
        open(patient, "spravato", courseId);
        Instant thursday = denver(1, DayOfWeek.THURSDAY, 9);
        String appointments = "/api/clinics/" + clinic + "/appointments";
        await().atMost(Duration.ofSeconds(30)).until(() -> rule(api.post(appointments, booking(patient, room, "spravato", thursday),
                frontDesk)).equals("rems-enrolment-required"));
        TopicProbe.send(TreatmentTopics.COURSE, patient.toString(), GoldenFixtures.of(EventTypes.of(RemsPatientEnrolled.class))
                .replace("8d3c2b1a-6e5f-4a3b-9c8d-7e6f5a4b3c2d", patient.toString()).replace(FIXTURE_COURSE, courseId)
                .replace("feed0020-0000-4000-8000-000000000020", UUID.randomUUID().toString()));
        Api.Response booked = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.post(appointments, booking(patient, room, "spravato", thursday), frontDesk), r -> r.status() == 201);
        JsonNode spravato = EventJson.tree(booked.body());
        assertThat(Duration.between(Instant.parse(spravato.get("startsAt").asString()), Instant.parse(spravato.get("endsAt").asString())))
                .as("the REMS observation").isEqualTo(Duration.ofHours(2));
        assertThat(spravato.get("courseId").asString()).isEqualTo(courseId);
    }

    private static String policy(boolean remsCertified, int noticeHours, int graceMinutes, String types) {
        return """
                {"remsCertified": %s, "patientsPerNurse": 2, "lateCancelNoticeHours": %d, "noShowGraceMinutes": %d,
                 "reminderLeadHours": [48, 2], "types": %s}""".formatted(remsCertified, noticeHours, graceMinutes, types);
    }

    /** Steps of a booked appointment over HTTP and on Kafka: reschedule, cancel (late), check in, complete. */
    @Test
    void anAppointmentIsMovedCancelledLateCheckedInAndCompletedAndEachStepIsPublished() throws Exception {
        UUID clinic = UUID.randomUUID();
        UUID room = clinicWithChair(clinic, "consult", morningZone());
        setPolicy(clinic, policy(false, 24, 15, "{}"));
        Api api = Api.onPort(port);
        String frontDesk = TestTokens.staff("fd.steps", "front-desk", Set.of(clinic));
        String appointments = "/api/clinics/" + clinic + "/appointments";
        UUID patient = patient();
        Instant inAnHour = Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        try (TopicProbe topic = new TopicProbe(SchedulingTopics.APPOINTMENT)) {
            String first = EventJson.tree(api.post(appointments, booking(patient, room, "consult", inAnHour), frontDesk).body())
                    .get("appointmentId").asString();
            Api.Response moved = api.post("/api/appointments/" + first + "/rescheduling", "{\"startsAt\": \""
                    + inAnHour.plusSeconds(1800) + "\"}", frontDesk);
            assertThat(moved.status()).as(moved.body()).isEqualTo(201);
            String second = EventJson.tree(moved.body()).get("appointmentId").asString();
            JsonNode old = EventJson.tree(api.get("/api/appointments/" + first, frontDesk).body());
            assertThat(old.get("status").asString()).isEqualTo("rescheduled");
            assertThat(old.get("replacedBy").asString()).isEqualTo(second);
            assertThat(old.get("late").asBoolean()).as("moved within 24 h of its start").isTrue();
            assertThat(rule(api.post("/api/appointments/" + first + "/cancellation", "{\"reason\": \"illness\"}", frontDesk)))
                    .isEqualTo("appointment-not-booked");

            Api.Response cancelled = api.post("/api/appointments/" + second + "/cancellation",
                    "{\"reason\": \"transport\", \"note\": \"no ride today\"}", frontDesk);
            assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
            assertThat(EventJson.tree(cancelled.body()).get("late").asBoolean()).isTrue();

            String third = EventJson.tree(api.post(appointments, booking(patient, room, "consult", inAnHour), frontDesk).body())
                    .get("appointmentId").asString();
            assertThat(rule(api.post("/api/appointments/" + third + "/completion", "", frontDesk))).isEqualTo("not-checked-in");
            assertThat(api.post("/api/appointments/" + third + "/check-in", "", frontDesk).status()).isEqualTo(200);
            assertThat(rule(api.post("/api/appointments/" + third + "/completion", "", frontDesk)))
                    .as("not before its start").isEqualTo("completed-before-start");

            List<String> types = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                topic.poll().stream().filter(r -> patient.toString().equals(r.key())).forEach(r -> types.add(EventJson.tree(r.value())
                        .get("type").asString()));
                assertThat(types).containsSubsequence("AppointmentBooked", "AppointmentRescheduled", "AppointmentCancelled",
                        "AppointmentBooked", "PatientCheckedIn");
            });
        }
        assertThat(api.post("/api/appointments/" + UUID.randomUUID() + "/check-in", "", frontDesk).status()).isEqualTo(404);
        String elsewhere = TestTokens.staff("fd.elsewhere", "front-desk", Set.of(UUID.randomUUID()));
        assertThat(api.get("/api/appointments/" + UUID.randomUUID(), elsewhere).status()).isEqualTo(404);
    }

    /** Nobody marks a no-show: the appointment's deadline does, once, from the database (a restart keeps it). */
    @Test
    void anAppointmentNotCheckedInByTheGracePeriodBecomesANoShowByItsDeadline() {
        UUID clinic = UUID.randomUUID();
        UUID room = clinicWithChair(clinic, "consult", morningZone());
        setPolicy(clinic, policy(false, 24, 0, "{}"));
        Api api = Api.onPort(port);
        String frontDesk = TestTokens.staff("fd.noshow", "front-desk", Set.of(clinic));
        UUID patient = patient();
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        try (TopicProbe topic = new TopicProbe(SchedulingTopics.APPOINTMENT)) {
            Api.Response booked = api.post("/api/clinics/" + clinic + "/appointments", booking(patient, room, "consult",
                    Instant.now().plusSeconds(3)), frontDesk);
            assertThat(booked.status()).as(booked.body()).isEqualTo(201);
            String appointment = EventJson.tree(booked.body()).get("appointmentId").asString();
            assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_data is not null").query(Long.class).single())
                    .as("the deadline is stored, not held in memory").isPositive();
            await().atMost(Duration.ofSeconds(30)).until(() -> EventJson.tree(api.get("/api/appointments/" + appointment, frontDesk)
                    .body()).get("status").asString().equals("no-show"));
            TopicProbe.Record noShow = await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().stream()
                    .filter(r -> patient.toString().equals(r.key()) && r.value().contains("\"AppointmentNoShowed\"")).findFirst(),
                    Optional::isPresent).orElseThrow();
            assertThat(((AppointmentNoShowed) EventJson.read(noShow.value()).payload()).appointmentId()).hasToString(appointment);
            assertThat(rule(api.post("/api/appointments/" + appointment + "/check-in", "", frontDesk))).isEqualTo("appointment-not-booked");
        }
    }

    /** 64 front desks at once on each step of one appointment: exactly one succeeds. */
    @Test
    void sixtyFourConcurrentStepsOnOneAppointmentTakeEffectOnce() throws Exception {
        UUID clinic = UUID.randomUUID();
        UUID room = clinicWithChair(clinic, "consult", morningZone());
        Api api = Api.onPort(port);
        String frontDesk = TestTokens.staff("fd.steps64", "front-desk", Set.of(clinic));
        Instant soon = Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        java.util.function.Function<Instant, String> book = start -> EventJson.tree(api.post("/api/clinics/" + clinic
                + "/appointments", booking(patient(), room, "consult", start), frontDesk).body()).get("appointmentId").asString();

        String toCancel = book.apply(soon.plusSeconds(2 * 3600));
        assertThat(Concurrent.run(64, () -> api.post("/api/appointments/" + toCancel + "/cancellation", "{\"reason\": \"other\"}",
                frontDesk).status())).containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
        String toCheckIn = book.apply(soon);
        assertThat(Concurrent.run(64, () -> api.post("/api/appointments/" + toCheckIn + "/check-in", "", frontDesk).status()))
                .containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
        assertThat(Concurrent.run(64, () -> api.post("/api/appointments/" + toCheckIn + "/cancellation", "{\"reason\": \"other\"}",
                frontDesk).status())).as("a checked-in appointment is not cancelled").containsOnly(409);
        String toMove = book.apply(soon.plusSeconds(3600));
        List<Api.Response> moves = Concurrent.run(64, () -> api.post("/api/appointments/" + toMove + "/rescheduling",
                "{\"startsAt\": \"" + soon.plusSeconds(3 * 3600) + "\"}", frontDesk));
        assertThat(moves).extracting(Api.Response::status).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        assertNoOverlaps();

        UUID staff = UUID.randomUUID();
        String assignment = "{\"name\": \"Nurse B\", \"role\": \"nurse\", \"shifts\": " + EVERY_DAY + "}";
        long before = PlatformWiring.storedEvents(context, clinic.toString());
        assertThat(Concurrent.run(64, () -> api.put("/api/clinics/" + clinic + "/staff/" + staff, assignment, admin(clinic)).status()))
                .containsOnly(200);
        assertThat(Concurrent.run(64, () -> api.put("/api/clinics/" + clinic + "/scheduling-policy", policy(false, 12, 10, "{}"),
                admin(clinic)).status())).containsOnly(200);
        assertThat(PlatformWiring.storedEvents(context, clinic.toString())).as("one assignment, one policy").isEqualTo(before + 2);
    }

    @Test
    void aStaffMemberWorksOneClinicAtATimeAndTheRosterIsReadByItsStaff() {
        UUID golden = UUID.randomUUID();
        UUID boulder = UUID.randomUUID();
        clinicWithChair(golden, "consult");
        clinicWithChair(boulder, "consult");
        UUID nurse = UUID.randomUUID();
        Api api = Api.onPort(port);
        assignStaff(golden, nurse, "nurse", "[{\"day\": \"MONDAY\", \"from\": \"08:00\", \"to\": \"12:00\"}]");
        Api.Response overlapping = api.put("/api/clinics/" + boulder + "/staff/" + nurse, "{\"name\": \"Nurse C\", \"role\": \"nurse\","
                + " \"shifts\": [{\"day\": \"MONDAY\", \"from\": \"11:00\", \"to\": \"15:00\"}]}", admin(boulder));
        assertThat(rule(overlapping)).isEqualTo("shift-overlaps-other-clinic");
        assignStaff(boulder, nurse, "nurse", "[{\"day\": \"MONDAY\", \"from\": \"13:00\", \"to\": \"17:00\"}]");
        String frontDesk = TestTokens.staff("fd.roster", "front-desk", Set.of(boulder));
        assertThat(api.get("/api/clinics/" + boulder + "/staff", frontDesk).body()).contains(nurse.toString(), "13:00");
        assertThat(api.get("/api/clinics/" + golden + "/staff", frontDesk).status()).isEqualTo(403);
        assertThat(api.get("/api/clinics/" + boulder + "/scheduling-policy", frontDesk).body()).contains("\"patientsPerNurse\":2");
    }

    /** A cancellation offers its slot to the first waiting patient it suits; declined, it passes on; the desk books it once. */
    @Test
    void aCancelledSlotIsOfferedToTheFirstWaitingPatientPassesOnWhenDeclinedAndIsBookedOnce() throws Exception {
        UUID clinic = UUID.randomUUID();
        UUID room = clinicWithChair(clinic, "consult");
        Api api = Api.onPort(port);
        String frontDesk = TestTokens.staff("fd.waitlist", "front-desk", Set.of(clinic));
        Instant tuesday = denver(2, DayOfWeek.TUESDAY, 11);
        String taken = EventJson.tree(api.post("/api/clinics/" + clinic + "/appointments", booking(patient(), room, "consult",
                tuesday), frontDesk).body()).get("appointmentId").asString();
        UUID first = patient();
        UUID second = patient();
        String waitUntil = "\"before\": \"" + tuesday.plus(Duration.ofDays(7)) + "\"";
        Api.Response joined = api.post("/api/waitlist", "{\"patientId\": \"" + first + "\", \"type\": \"consult\", \"clinicIds\": [\""
                + clinic + "\"], " + waitUntil + "}", frontDesk);
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        String entry = EventJson.tree(joined.body()).get("entryId").asString();
        assertThat(api.post("/api/waitlist", "{\"patientId\": \"" + second + "\", \"type\": \"consult\", \"clinicIds\": [\"" + clinic
                + "\"], " + waitUntil + "}", frontDesk).status()).isEqualTo(201);
        assertThat(api.post("/api/waitlist", "{\"patientId\": \"" + second + "\", \"type\": \"consult\", \"clinicIds\": [\""
                + UUID.randomUUID() + "\"], " + waitUntil + "}", frontDesk).status()).as("another clinic's list").isEqualTo(403);

        try (TopicProbe topic = new TopicProbe(SchedulingTopics.APPOINTMENT)) {
            assertThat(api.post("/api/appointments/" + taken + "/cancellation", "{\"reason\": \"illness\"}", frontDesk).status())
                    .isEqualTo(200);
            JsonNode offered = await().atMost(Duration.ofSeconds(30)).until(() -> EventJson.tree(api.get("/api/clinics/" + clinic
                    + "/waitlist", frontDesk).body()).get(0), e -> "offered".equals(e.get("status").asString()));
            assertThat(offered.get("patientId").asString()).as("who joined first").isEqualTo(first.toString());
            assertThat(offered.at("/offer/startsAt").asString()).isEqualTo(tuesday.toString());
            assertThat(offered.at("/offer/localStart").asString()).endsWith("T11:00:00");
            assertThat(offered.at("/offer/zone").asString()).isEqualTo("America/Denver");
            TopicProbe.Record record = await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().stream()
                    .filter(r -> first.toString().equals(r.key()) && r.value().contains("\"WaitlistSlotOffered\"")).findFirst(),
                    Optional::isPresent).orElseThrow();
            assertThat(GoldenFixtures.shape(record.value()))
                    .isEqualTo(GoldenFixtures.shape(GoldenFixtures.of(EventTypes.of(WaitlistSlotOffered.class))));
        }
        // The first patient cannot come: the slot passes to the next one waiting.
        assertThat(api.post("/api/waitlist/" + entry + "/offer/decline", "", frontDesk).status()).isEqualTo(200);
        JsonNode passedOn = await().atMost(Duration.ofSeconds(30)).until(() -> EventJson.tree(api.get("/api/clinics/" + clinic
                + "/waitlist", frontDesk).body()).valueStream().filter(e -> "offered".equals(e.get("status").asString())).findFirst(),
                Optional::isPresent).orElseThrow();
        assertThat(passedOn.get("patientId").asString()).isEqualTo(second.toString());
        String secondEntry = passedOn.get("entryId").asString();
        List<Api.Response> accepts = Concurrent.run(64, () -> api.post("/api/waitlist/" + secondEntry + "/offer/acceptance", "",
                frontDesk));
        assertThat(accepts).extracting(Api.Response::status).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        JsonNode booked = EventJson.tree(accepts.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().body());
        assertThat(booked.get("patientId").asString()).isEqualTo(second.toString());
        assertThat(booked.get("startsAt").asString()).isEqualTo(tuesday.toString());
        assertThat(EventJson.tree(api.get("/api/clinics/" + clinic + "/waitlist", frontDesk).body()).valueStream()
                .map(e -> e.get("patientId").asString() + " " + e.get("status").asString()))
                .as("the first still waits, for another slot").containsExactly(first + " waiting");
        assertNoOverlaps();
    }

    /** A registered patient eligible for IV ketamine with an open course (the fixture's plan: 6 within 21 days, 24 h apart). */
    private UUID infusionPatient(String courseId) {
        UUID patient = patient();
        decide(patient, "iv-ketamine", LocalDate.now(DENVER).plusDays(120));
        open(patient, "iv-ketamine", courseId);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                select (select count(*) from patient_eligibility where patient_id = ?) + (select count(*) from patient_course
                where course_id = ?::uuid)""").params(patient, courseId).query(Long.class).single() == 2);
        return patient;
    }

    /** A treatment fact as treatment publishes it (its golden fixture) for the patient's course at a clinic, fields replaced. */
    private static void treatmentFact(Class<? extends org.carecourse.contracts.EventPayload> type, UUID patient, UUID clinic,
            String courseId, String... replacements) {
        String json = GoldenFixtures.of(EventTypes.of(type)).replaceFirst("\"eventId\"\\s*:\\s*\"[^\"]+\"",
                "\"eventId\": \"" + UUID.randomUUID() + "\"").replace("8d3c2b1a-6e5f-4a3b-9c8d-7e6f5a4b3c2d", patient.toString())
                .replace("11111111-1111-4111-8111-111111111111", clinic.toString()).replace(FIXTURE_COURSE, courseId);
        for (int i = 0; i < replacements.length; i += 2) {
            json = json.replace(replacements[i], replacements[i + 1]);
        }
        TopicProbe.send(TreatmentTopics.COURSE, patient.toString(), json);
    }

    private static String id(Api.Response created) {
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return EventJson.tree(created.body()).get("appointmentId").asString();
    }

    /**
     * The course plan's 24 h between infusions holds against every live infusion of the patient at
     * any clinic, whether the new one is booked singly, in a series or by a reschedule, and the
     * refusal names the appointment it would be too close to. The plan is the floor: a front desk
     * may not ask for less; a prescriber may, with a reason kept on the appointment.
     */
    @Test
    void aSecondInfusionTheSameDayIsRefusedNamingTheFirstWhetherBookedSinglyInASeriesOrByAReschedule() {
        UUID golden = UUID.randomUUID();
        UUID lakewood = UUID.randomUUID();
        UUID goldenChair = clinicWithChair(golden, "iv-infusion");
        UUID lakewoodChair = clinicWithChair(lakewood, "iv-infusion");
        Api api = Api.onPort(port);
        String frontDesk = TestTokens.staff("fd.spacing", "front-desk", Set.of(golden, lakewood));
        UUID patient = infusionPatient(UUID.randomUUID().toString());
        String atGolden = "/api/clinics/" + golden + "/appointments";
        String atLakewood = "/api/clinics/" + lakewood + "/appointments";
        Instant eight = denver(3, DayOfWeek.MONDAY, 8);
        String first = id(api.post(atGolden, booking(patient, goldenChair, "iv-infusion", eight), frontDesk));

        long events = PlatformWiring.storedEvents(context);
        Api.Response noon = api.post(atGolden, booking(patient, goldenChair, "iv-infusion", eight.plus(Duration.ofHours(4))), frontDesk);
        assertThat(rule(noon)).as(noon.body()).isEqualTo("treatment-spacing");
        assertThat(noon.status()).isEqualTo(409);
        assertThat(EventJson.tree(noon.body()).at("/conflicts/0/appointmentId").asString()).isEqualTo(first);
        Api.Response almostADay = api.post(atLakewood, booking(patient, lakewoodChair, "iv-infusion",
                eight.plus(Duration.ofHours(23).plusMinutes(59))), frontDesk);
        assertThat(rule(almostADay)).as("23 h 59 min later at another clinic").isEqualTo("treatment-spacing");
        assertThat(almostADay.body()).contains(first);
        Api.Response series = api.post("/api/clinics/" + lakewood + "/appointment-series", planSeries(patient,
                List.of(eight.plus(Duration.ofHours(7)), eight.plus(Duration.ofDays(2)))), frontDesk);
        assertThat(rule(series)).as(series.body()).isEqualTo("treatment-spacing");
        assertThat(series.body()).contains(first);
        assertThat(PlatformWiring.storedEvents(context)).as("refusals store nothing").isEqualTo(events);

        String second = id(api.post(atLakewood, booking(patient, lakewoodChair, "iv-infusion", eight.plus(Duration.ofHours(24))),
                frontDesk));
        Instant quarterToFour = eight.plus(Duration.ofHours(7).plusMinutes(45));
        Api.Response moved = api.post("/api/appointments/" + second + "/rescheduling", "{\"startsAt\": \"" + quarterToFour + "\"}",
                frontDesk);
        assertThat(rule(moved)).as("moved to 15:45 on the first one's day").isEqualTo("treatment-spacing");
        assertThat(moved.body()).contains(first);
        assertThat(EventJson.tree(api.get("/api/appointments/" + second, frontDesk).body()).get("status").asString())
                .as("a refused move leaves the appointment as it was").isEqualTo("booked");

        // The plan is the floor: 12 h apart against a 24 h plan needs a prescriber, and a reason.
        String series12h = "/api/clinics/" + golden + "/appointment-series";
        List<Instant> twelveApart = List.of(eight.plus(Duration.ofDays(7)), eight.plus(Duration.ofDays(7)).plus(Duration.ofHours(12)));
        String asked = planSeries(patient, twelveApart).replace("\"starts\"", "\"minimumSpacingHours\": 12, \"starts\"");
        assertThat(rule(api.post(series12h, asked, frontDesk))).isEqualTo("spacing-below-plan");
        assertThat(rule(api.post(series12h, asked.replace("\"starts\"", "\"spacingOverrideReason\": \"patient asked\", \"starts\""),
                frontDesk))).isEqualTo("plan-override-by-prescriber");
        String prescriber = TestTokens.staff("rx.spacing", "prescriber", Set.of(golden));
        assertThat(rule(api.post(series12h, asked, prescriber))).as("no reason given").isEqualTo("spacing-below-plan");
        assertThat(rule(api.post(series12h, planSeries(patient, List.of(eight.plus(Duration.ofDays(7)), eight.plus(Duration.ofDays(9))))
                .replace("\"starts\"", "\"windowDays\": 28, \"starts\""), frontDesk))).isEqualTo("window-beyond-plan");
        Api.Response overridden = api.post(series12h, asked.replace("\"starts\"",
                "\"spacingOverrideReason\": \"twice-daily titration per Dr Ames\", \"starts\""), prescriber);
        assertThat(overridden.status()).as(overridden.body()).isEqualTo(201);
        assertThat(EventJson.tree(overridden.body()).valueStream().map(a -> a.get("spacingOverridden").asBoolean())).containsOnly(true);
        assertThat(context.getBean(JdbcClient.class).sql("select count(distinct spacing_override_reason) from appointment"
                + " where patient_id = ? and spacing_override_reason = 'twice-daily titration per Dr Ames'").param(patient)
                .query(Long.class).single()).isEqualTo(1);
        assertNoOverlaps();
    }

    /** 64 front desks at two clinics book infusions for one patient on one day at once: one is booked, every other refused. */
    @Test
    void sixtyFourFrontDesksBookingInfusionsForOnePatientOnOneDayAtTwoClinicsBookAtMostOne() throws Exception {
        UUID golden = UUID.randomUUID();
        UUID lakewood = UUID.randomUUID();
        UUID goldenChair = clinicWithChair(golden, "iv-infusion");
        UUID lakewoodChair = clinicWithChair(lakewood, "iv-infusion");
        Api api = Api.onPort(port);
        String frontDesk = TestTokens.staff("fd.race", "front-desk", Set.of(golden, lakewood));
        UUID patient = infusionPatient(UUID.randomUUID().toString());
        Instant six = denver(3, DayOfWeek.WEDNESDAY, 6);
        AtomicInteger attempt = new AtomicInteger();
        List<Api.Response> answers = Concurrent.run(64, () -> {
            int n = attempt.getAndIncrement();
            Instant start = six.plus(Duration.ofMinutes(15L * (n / 2)));
            return n % 2 == 0 ? api.post("/api/clinics/" + golden + "/appointments", booking(patient, goldenChair, "iv-infusion", start),
                    frontDesk) : api.post("/api/clinics/" + lakewood + "/appointments", booking(patient, lakewoodChair, "iv-infusion",
                    start), frontDesk);
        });
        assertThat(answers).extracting(Api.Response::status).containsOnly(201, 409);
        assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(answers.stream().filter(r -> r.status() == 409).map(SchedulingIT::rule))
                .isSubsetOf("treatment-spacing", "patient-double-booking", "chair-taken").contains("treatment-spacing");
        assertThat(context.getBean(JdbcClient.class).sql("select count(*) from appointment where patient_id = ? and status = 'booked'")
                .param(patient).query(Long.class).single()).isEqualTo(1);
    }

    /**
     * The gate comes before the series' own rules; an unknown patient is refused by name; a held
     * course books nothing and flags its appointments; a closed course gives up its future
     * appointments as the clinic's cancellation (no fee), which the front desk's day list explains.
     */
    @Test
    void aClosedCourseReleasesItsFutureAppointmentsAndTheFrontDeskSeesWhy() {
        UUID clinic = UUID.randomUUID();
        UUID chair = clinicWithChair(clinic, "iv-infusion");
        Api api = Api.onPort(port);
        String frontDesk = TestTokens.staff("fd.release", "front-desk", Set.of(clinic));
        String series = "/api/clinics/" + clinic + "/appointment-series";
        Instant first = denver(4, DayOfWeek.MONDAY, 9);
        List<Instant> induction = java.util.stream.IntStream.range(0, 6).mapToObj(i -> first.plus(Duration.ofDays(2L * i))).toList();

        UUID stranger = UUID.randomUUID();
        Api.Response unknown = api.post("/api/clinics/" + clinic + "/appointments", booking(stranger, chair, "iv-infusion", first),
                frontDesk);
        assertThat(rule(unknown)).isEqualTo("unknown-patient");
        assertThat(unknown.body()).contains(stranger.toString());
        UUID newcomer = patient();
        assertThat(rule(api.post(series, planSeries(newcomer, induction), frontDesk))).as("no eligibility").isEqualTo("eligibility-required");
        decide(newcomer, "iv-ketamine", LocalDate.now(DENVER).plusDays(120));
        await().atMost(Duration.ofSeconds(30)).until(() -> rule(api.post(series, planSeries(newcomer, induction), frontDesk))
                .equals("course-required"));

        String courseId = UUID.randomUUID().toString();
        UUID patient = infusionPatient(courseId);
        Api.Response booked = api.post(series, planSeries(patient, induction), frontDesk);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String day = "/api/clinics/" + clinic + "/appointments?date=" + LocalDate.ofInstant(first, DENVER);

        treatmentFact(org.carecourse.contracts.treatment.CourseHeld.class, patient, clinic, courseId,
                "2026-11-10T15:00:00Z", "2026-11-12T15:00:00Z");
        await().atMost(Duration.ofSeconds(30)).until(() -> EventJson.tree(api.get(day, frontDesk).body()).at("/items/0/courseHold")
                .asString("").equals("eligibility-ineligible"));
        String toCall = "/api/clinics/" + clinic + "/appointments-to-call";
        assertThat(EventJson.tree(api.get(toCall, frontDesk).body()).get("total").asInt()).as("six held appointments to call about")
                .isEqualTo(6);
        assertThat(rule(api.post("/api/clinics/" + clinic + "/appointments", booking(patient, chair, "iv-infusion",
                first.plus(Duration.ofDays(20))), frontDesk))).isEqualTo("course-on-hold");
        treatmentFact(org.carecourse.contracts.treatment.CourseHoldLifted.class, patient, clinic, courseId,
                "2026-11-10T15:00:00Z", "2026-11-13T15:00:00Z");
        await().atMost(Duration.ofSeconds(30)).until(() -> EventJson.tree(api.get(day, frontDesk).body()).at("/items/0/courseHold")
                .isNull());
        assertThat(EventJson.tree(api.get(toCall, frontDesk).body()).get("total").asInt()).as("nothing to call about").isZero();

        try (TopicProbe topic = new TopicProbe(SchedulingTopics.APPOINTMENT)) {
            treatmentFact(CourseClosed.class, patient, clinic, courseId, "2026-11-10T15:00:00Z", "2026-11-20T15:00:00Z",
                    "\"completed\"", "\"discontinued\"");
            JsonNode released = await().atMost(Duration.ofSeconds(30)).until(() -> EventJson.tree(api.get(day, frontDesk).body())
                    .at("/items/0"), a -> "cancelled".equals(a.get("status").asString()));
            assertThat(released.get("cancelReason").asString()).isEqualTo("course-closed");
            assertThat(released.get("cancelledBy").asString()).isEqualTo("clinic");
            assertThat(released.get("note").asString()).contains("discontinued");
            List<org.carecourse.contracts.scheduling.AppointmentCancelled> cancellations = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                topic.poll().stream().filter(r -> patient.toString().equals(r.key()) && r.value().contains("\"AppointmentCancelled\""))
                        .forEach(r -> cancellations.add((org.carecourse.contracts.scheduling.AppointmentCancelled) EventJson.read(r.value())
                                .payload()));
                assertThat(cancellations).hasSize(6);
            });
            assertThat(cancellations).allSatisfy(c -> assertThat(c.byPatient()).as("the clinic's cancellation: no fee").isFalse());
            JsonNode toCallNow = EventJson.tree(api.get(toCall + "?size=2", frontDesk).body());
            assertThat(toCallNow.get("total").asInt()).as("six released appointments to call about").isEqualTo(6);
            assertThat(toCallNow.get("items").valueStream().map(a -> a.get("cancelReason").asString())).containsOnly("course-closed");
        }
        JsonNode patientsOwn = EventJson.tree(api.get("/api/patients/" + patient + "/appointments?size=4", frontDesk).body());
        assertThat(patientsOwn.get("total").asInt()).isEqualTo(6);
        assertThat(patientsOwn.get("items").size()).isEqualTo(4);
        assertThat(patientsOwn.get("items").valueStream().map(a -> a.get("status").asString())).containsOnly("cancelled");
        assertThat(EventJson.tree(api.get("/api/patients/" + patient + "/appointments?size=4&page=1", frontDesk).body()).get("items")
                .size()).isEqualTo(2);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select count(*) from read_audit where view = 'patient-appointments' and patient_id = ?").param(patient)
                .query(Long.class).single()).as("each read recorded").isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from read_audit where view = 'clinic-day-appointments' and patient_id = ?").param(patient)
                .query(Long.class).single()).as("the day lists that named the patient").isPositive();
        assertThat(api.get(day, TestTokens.staff("fd.elsewhere", "front-desk", Set.of(UUID.randomUUID()))).status()).isEqualTo(403);
        assertThat(api.get(day.replace("appointments?", "appointments?size=201&"), frontDesk).status()).isEqualTo(400);
        assertThat(api.get("/api/clinics/" + clinic + "/appointments?date=someday", frontDesk).status()).isEqualTo(400);
        assertThat(api.get("/api/patients/" + patient + "/appointments?from=2026-01-01T00:00:00Z&to=2029-01-01T00:00:00Z", frontDesk)
                .status()).as("more than two years at once").isEqualTo(400);
    }

    /** Treatment's session facts move the appointment they serve: started → checked in (no no-show), discharged → completed. */
    @Test
    void aSessionStartedChecksItsAppointmentInAndItsDischargeCompletesIt() {
        UUID clinic = UUID.randomUUID();
        UUID chair = clinicWithChair(clinic, "iv-infusion", morningZone());
        setPolicy(clinic, policy(false, 24, 0, "{}"));
        Api api = Api.onPort(port);
        String frontDesk = TestTokens.staff("fd.session", "front-desk", Set.of(clinic));
        String courseId = UUID.randomUUID().toString();
        UUID patient = infusionPatient(courseId);
        Instant start = Instant.now().plusSeconds(1800).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        String appointment = id(api.post("/api/clinics/" + clinic + "/appointments", booking(patient, chair, "iv-infusion", start),
                frontDesk));
        Instant startedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        treatmentFact(org.carecourse.contracts.treatment.SessionStarted.class, patient, clinic, courseId,
                "\"startedAt\" : \"2026-11-10T15:00:00Z\"", "\"startedAt\" : \"" + startedAt + "\"");
        await().atMost(Duration.ofSeconds(30)).until(() -> status(api, frontDesk, appointment).equals("checked-in"));
        treatmentFact(org.carecourse.contracts.treatment.SessionCompleted.class, patient, clinic, courseId,
                "2026-11-10T16:15:00Z", start.plus(Duration.ofMinutes(75)).toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> status(api, frontDesk, appointment).equals("completed"));
    }

    private static String status(Api api, String token, String appointmentId) {
        return EventJson.tree(api.get("/api/appointments/" + appointmentId, token).body()).get("status").asString();
    }

    /** A reschedule frees its slot for the waiting list as a cancellation does. */
    @Test
    void aSlotFreedByARescheduleIsOfferedToTheWaitlist() {
        UUID clinic = UUID.randomUUID();
        UUID room = clinicWithChair(clinic, "consult");
        Api api = Api.onPort(port);
        String frontDesk = TestTokens.staff("fd.moved", "front-desk", Set.of(clinic));
        Instant thursday = denver(2, DayOfWeek.THURSDAY, 10);
        String taken = id(api.post("/api/clinics/" + clinic + "/appointments", booking(patient(), room, "consult", thursday), frontDesk));
        UUID waiting = patient();
        assertThat(api.post("/api/waitlist", "{\"patientId\": \"" + waiting + "\", \"type\": \"consult\", \"clinicIds\": [\"" + clinic
                + "\"], \"before\": \"" + thursday.plus(Duration.ofDays(7)) + "\"}", frontDesk).status()).isEqualTo(201);
        assertThat(api.post("/api/appointments/" + taken + "/rescheduling", "{\"startsAt\": \"" + thursday.plus(Duration.ofDays(1))
                + "\"}", frontDesk).status()).isEqualTo(201);
        JsonNode offered = await().atMost(Duration.ofSeconds(30)).until(() -> EventJson.tree(api.get("/api/clinics/" + clinic
                + "/waitlist", frontDesk).body()).get(0), e -> "offered".equals(e.get("status").asString()));
        assertThat(offered.get("patientId").asString()).isEqualTo(waiting.toString());
        assertThat(offered.at("/offer/startsAt").asString()).isEqualTo(thursday.toString());
    }

    /**
     * An offer made before the patient was booked the same day can no longer be taken: accepting it
     * meets the course's spacing like any other infusion booking.
     */
    @Test
    void acceptingAWaitlistOfferTooCloseToTheSameDaysInfusionIsRefusedNamingIt() {
        UUID clinic = UUID.randomUUID();
        UUID chair = clinicWithChair(clinic, "iv-infusion");
        UUID secondChair = addChair(clinic, "Chair 2", "iv-infusion");
        Api api = Api.onPort(port);
        String frontDesk = TestTokens.staff("fd.offer", "front-desk", Set.of(clinic));
        Instant noon = denver(5, DayOfWeek.TUESDAY, 12);
        String other = id(api.post("/api/clinics/" + clinic + "/appointments", booking(infusionPatient(UUID.randomUUID().toString()),
                chair, "iv-infusion", noon), frontDesk));
        UUID patient = infusionPatient(UUID.randomUUID().toString());
        Api.Response joined = api.post("/api/waitlist", "{\"patientId\": \"" + patient + "\", \"type\": \"iv-infusion\", \"clinicIds\":"
                + " [\"" + clinic + "\"], \"before\": \"" + noon.plus(Duration.ofDays(7)) + "\"}", frontDesk);
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        String entry = EventJson.tree(joined.body()).get("entryId").asString();
        assertThat(api.post("/api/appointments/" + other + "/cancellation", "{\"reason\": \"illness\"}", frontDesk).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> EventJson.tree(api.get("/api/clinics/" + clinic + "/waitlist", frontDesk)
                .body()).get(0).get("status").asString().equals("offered"));
        String morning = id(api.post("/api/clinics/" + clinic + "/appointments", booking(patient, secondChair, "iv-infusion",
                noon.minus(Duration.ofHours(4))), frontDesk));
        Api.Response accepted = api.post("/api/waitlist/" + entry + "/offer/acceptance", "", frontDesk);
        assertThat(rule(accepted)).as(accepted.body()).isEqualTo("treatment-spacing");
        assertThat(accepted.body()).contains(morning);
    }

    /** Screening's eligible decision for the modality, valid until the date, as scheduling receives it. */
    private static void decide(UUID patient, String modality, LocalDate validUntil) {
        TopicProbe.send(ScreeningTopics.SCREENING_CASE, patient.toString(), GoldenFixtures.of(EventTypes.of(EligibilityDecided.class))
                .replace("8d3c2b1a-6e5f-4a3b-9c8d-7e6f5a4b3c2d", patient.toString()).replace("2027-05-05", validUntil.toString())
                .replace("\"modality\" : \"iv-ketamine\"", "\"modality\" : \"" + modality + "\"")
                .replace("91a2b3c4-d5e6-4f7a-8b8c-9d0e1f2a3b4c", UUID.randomUUID().toString()));
    }

    /** Treatment's course of the modality opened for the patient (the fixture's plan: 6 within 21 days, 24 h apart). */
    private static void open(UUID patient, String modality, String courseId) {
        TopicProbe.send(TreatmentTopics.COURSE, patient.toString(), GoldenFixtures.of(EventTypes.of(TreatmentCourseOpened.class))
                .replace("8d3c2b1a-6e5f-4a3b-9c8d-7e6f5a4b3c2d", patient.toString()).replace(FIXTURE_COURSE, courseId)
                .replace("\"modality\": \"iv-ketamine\"", "\"modality\": \"" + modality + "\"")
                .replace("feed0000-0000-4000-8000-000000000000", UUID.randomUUID().toString()));
    }

    private static final String FIXTURE_COURSE = "4d5e6f70-8192-4a3b-8c4d-5e6f70819203";

    private UUID patient() {
        return KnownPatients.register(context);
    }

    private static String rule(Api.Response response) {
        return response.status() >= 400 ? EventJson.tree(response.body()).path("rule").asString("") : "";
    }

    @Override
    protected List<String> deadLetteringBindings() {
        return List.of("patientEvents-in-0", "screeningEvents-in-0", "treatmentEvents-in-0");
    }

    @Override
    protected String[] documentedPaths() {
        return new String[] {"\"/api/clinics\"", "\"/api/clinics/{clinicId}\"", "\"/api/appointments/{appointmentId}/cancellation\"",
                "\"/api/clinics/{clinicId}/staff/{staffId}\""};
    }

    @Override
    protected List<KeyedWrite> keyedWrites() {
        UUID clinic = UUID.randomUUID();
        UUID chair = clinicWithChair(clinic, "consult");
        // Hours and policy of their own clinic: setting them must not close the clinic the bookings above go to.
        UUID setupClinic = UUID.randomUUID();
        clinicWithChair(setupClinic, "consult");
        // Appointments starting within the hour, for their steps: rooms and prescribers enough for a few at once.
        UUID soonClinic = UUID.randomUUID();
        clinicWithChair(soonClinic, "consult", morningZone());
        for (int i = 2; i <= 8; i++) {
            addChair(soonClinic, "Room " + i, "consult");
            assignStaff(soonClinic, UUID.randomUUID(), "prescriber", EVERY_DAY);
        }
        AtomicInteger day = new AtomicInteger();
        AtomicInteger soon = new AtomicInteger();
        String frontDesk = TestTokens.staff("fd.keyed", "front-desk", Set.of(clinic, soonClinic));
        Api api = Api.onPort(port);
        // Any free room; when 64 clients crowd the hour a booking may be refused, and the step then answers 404.
        java.util.function.Supplier<String> bookedSoon = () -> EventJson.tree(api.post("/api/clinics/" + soonClinic + "/appointments",
                "{\"patientId\": \"" + patient() + "\", \"type\": \"consult\", \"startsAt\": \""
                        + Instant.now().plusSeconds(3600 + 300L * soon.getAndIncrement()).truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                        + "\"}", frontDesk).body()).path("appointmentId").asString(UUID.randomUUID().toString());
        return List.of(new KeyedWrite("PUT", () -> new Request("/api/clinics/" + UUID.randomUUID(),
                        "{\"name\": \"CareCourse Aurora\", \"timeZone\": \"America/Denver\"}"), ADMIN),
                new KeyedWrite("PUT", () -> new Request("/api/clinics/" + clinic + "/chairs/" + UUID.randomUUID(),
                        "{\"name\": \"Room " + day.incrementAndGet() + "\", \"capabilities\": [\"spravato-observation\"]}"), admin(clinic)),
                new KeyedWrite("POST", () -> new Request("/api/clinics/" + clinic + "/appointments", booking(patient(), chair,
                        "consult", denver(4, DayOfWeek.MONDAY, 9).plus(Duration.ofDays(day.incrementAndGet())))), frontDesk),
                new KeyedWrite("POST", () -> {
                    Instant start = denver(4, DayOfWeek.MONDAY, 11).plus(Duration.ofDays(day.addAndGet(2)));
                    return new Request("/api/clinics/" + clinic + "/appointment-series", seriesBody(patient(), chair,
                            List.of(start, start.plus(Duration.ofDays(1)))));
                }, frontDesk),
                new KeyedWrite("PUT", () -> new Request("/api/clinics/" + setupClinic + "/hours", "{\"weekly\": {\"MONDAY\": [{\"opens\": "
                        + "\"08:00\", \"closes\": \"" + (10 + day.incrementAndGet() % 9) + ":00\"}]}}"), admin(setupClinic)),
                new KeyedWrite("PUT", () -> new Request("/api/clinics/" + setupClinic + "/scheduling-policy",
                        policy(false, day.incrementAndGet() % 48, 15, "{}")), admin(setupClinic)),
                new KeyedWrite("PUT", () -> new Request("/api/clinics/" + setupClinic + "/staff/" + UUID.randomUUID(),
                        "{\"name\": \"Nurse " + day.incrementAndGet() + "\", \"role\": \"nurse\", \"shifts\": []}"), admin(setupClinic)),
                new KeyedWrite("POST", () -> new Request("/api/appointments/" + bookedSoon.get() + "/cancellation",
                        "{\"reason\": \"patient-request\"}"), frontDesk),
                new KeyedWrite("POST", () -> new Request("/api/appointments/" + bookedSoon.get() + "/check-in", ""), frontDesk),
                new KeyedWrite("POST", () -> new Request("/api/appointments/" + bookedSoon.get() + "/rescheduling",
                        "{\"startsAt\": \"" + Instant.now().plusSeconds(3 * 3600 + 60L * day.incrementAndGet()) + "\"}"), frontDesk));
    }

    @Override
    protected List<HostileCase> hostileCases() {
        String clinic = "/api/clinics/" + UUID.randomUUID();
        String someday = "\"" + denver(2, DayOfWeek.MONDAY, 9) + "\"";
        return List.of(
                new HostileCase("a 121-character clinic name", "PUT", clinic,
                        "{\"name\": \"" + "C".repeat(121) + "\", \"timeZone\": \"America/Denver\"}", ADMIN, 400, "name"),
                new HostileCase("a 65-character time zone", "PUT", clinic,
                        "{\"name\": \"Aurora\", \"timeZone\": \"" + "Z".repeat(65) + "\"}", ADMIN, 400, "timeZone"),
                new HostileCase("a 201-character chair name", "PUT", clinic + "/chairs/" + UUID.randomUUID(),
                        "{\"name\": \"" + "c".repeat(201) + "\", \"capabilities\": [\"consult\"]}", ADMIN, 400, "name"),
                new HostileCase("an unknown chair capability", "PUT", clinic + "/chairs/" + UUID.randomUUID(),
                        "{\"name\": \"Room\", \"capabilities\": [\"sauna\"]}", ADMIN, 400, "capabilities[0]"),
                new HostileCase("a 4,001-character override reason", "POST", clinic + "/appointments", booking(UUID.randomUUID(),
                        UUID.randomUUID(), "iv-infusion", Instant.parse(someday.replace("\"", "")))
                        .replace("}", ", \"overrideReason\": \"" + "r".repeat(4001) + "\"}"), ADMIN, 400, "overrideReason"),
                new HostileCase("a blank override reason", "POST", clinic + "/appointments", booking(UUID.randomUUID(),
                        UUID.randomUUID(), "iv-infusion", Instant.parse(someday.replace("\"", "")))
                        .replace("}", ", \"overrideReason\": \"   \"}"), ADMIN, 400, "overrideReason"),
                new HostileCase("an unknown appointment type", "POST", clinic + "/appointments", booking(UUID.randomUUID(),
                        UUID.randomUUID(), "massage", Instant.parse(someday.replace("\"", ""))), ADMIN, 400, "type"),
                new HostileCase("four opening ranges on one day", "PUT", clinic + "/hours", "{\"weekly\": {\"MONDAY\": ["
                        + "{\"opens\": \"08:00\", \"closes\": \"09:00\"},".repeat(3) + "{\"opens\": \"10:00\", \"closes\": \"11:00\"}]}}",
                        ADMIN, 400, "weekly[MONDAY]"),
                new HostileCase("a range that closes before it opens", "PUT", clinic + "/hours",
                        "{\"weekly\": {\"MONDAY\": [{\"opens\": \"17:00\", \"closes\": \"09:00\"}]}}", ADMIN, 400,
                        "weekly[MONDAY][0].ordered"),
                new HostileCase("a series of 13 appointments", "POST", clinic + "/appointment-series", """
                        {"patientId": "%s", "chairId": "%s", "type": "consult", "minimumSpacingHours": 24,
                         "windowDays": 21, "starts": [%s]}""".formatted(UUID.randomUUID(), UUID.randomUUID(),
                        String.join(", ", java.util.Collections.nCopies(13, someday))), ADMIN, 400, "starts"),
                new HostileCase("a nurse for 99 patients", "PUT", clinic + "/scheduling-policy", policy(false, 24, 15, "{}")
                        .replace("\"patientsPerNurse\": 2", "\"patientsPerNurse\": 99"), ADMIN, 400, "patientsPerNurse"),
                new HostileCase("five reminders", "PUT", clinic + "/scheduling-policy", policy(false, 24, 15, "{}")
                        .replace("[48, 2]", "[72, 48, 24, 2, 1]"), ADMIN, 400, "reminderLeadHours"),
                new HostileCase("a consult of 9,999 minutes", "PUT", clinic + "/scheduling-policy", policy(false, 24, 15, """
                        {"consult": {"minutes": 9999, "turnoverMinutes": 10, "staffRole": "prescriber", "instructions": "None."}}"""),
                        ADMIN, 400, "types[CONSULT].minutes"),
                new HostileCase("22 shifts a week", "PUT", clinic + "/staff/" + UUID.randomUUID(), "{\"name\": \"N\", \"role\": \"nurse\","
                        + " \"shifts\": [" + String.join(", ", java.util.Collections.nCopies(22,
                        "{\"day\": \"MONDAY\", \"from\": \"08:00\", \"to\": \"09:00\"}")) + "]}", ADMIN, 400, "shifts"),
                new HostileCase("a shift that ends before it starts", "PUT", clinic + "/staff/" + UUID.randomUUID(), "{\"name\": \"N\","
                        + " \"role\": \"nurse\", \"shifts\": [{\"day\": \"MONDAY\", \"from\": \"17:00\", \"to\": \"09:00\"}]}", ADMIN, 400,
                        "shifts[0].ordered"),
                new HostileCase("an unknown staff role", "PUT", clinic + "/staff/" + UUID.randomUUID(), "{\"name\": \"N\","
                        + " \"role\": \"wizard\", \"shifts\": []}", ADMIN, 400, "role"),
                new HostileCase("a 4,001-character cancellation note", "POST", "/api/appointments/" + UUID.randomUUID() + "/cancellation",
                        "{\"reason\": \"other\", \"note\": \"" + "n".repeat(4001) + "\"}", ADMIN, 400, "note"),
                new HostileCase("an unknown cancellation reason", "POST", "/api/appointments/" + UUID.randomUUID() + "/cancellation",
                        "{\"reason\": \"bored\"}", ADMIN, 400, "reason"),
                new HostileCase("the reason only scheduling gives", "POST", "/api/appointments/" + UUID.randomUUID() + "/cancellation",
                        "{\"reason\": \"course-closed\"}", ADMIN, 400, "reason"),
                new HostileCase("a 4,001-character spacing override reason", "POST", clinic + "/appointments", booking(UUID.randomUUID(),
                        UUID.randomUUID(), "iv-infusion", Instant.parse(someday.replace("\"", "")))
                        .replace("}", ", \"spacingOverrideReason\": \"" + "r".repeat(4001) + "\"}"), ADMIN, 400, "spacingOverrideReason"),
                new HostileCase("a spacing of 2 hours", "POST", clinic + "/appointment-series", """
                        {"patientId": "%s", "type": "iv-infusion", "minimumSpacingHours": 2, "starts": [%s, %s]}"""
                        .formatted(UUID.randomUUID(), someday, someday), ADMIN, 400, "minimumSpacingHours"),
                new HostileCase("a wait at 11 clinics", "POST", "/api/waitlist", "{\"patientId\": \"" + UUID.randomUUID()
                        + "\", \"type\": \"consult\", \"before\": " + someday + ", \"clinicIds\": [" + String.join(", ",
                        java.util.Collections.nCopies(11, "\"" + UUID.randomUUID() + "\"")) + "]}", ADMIN, 400, "clinicIds"),
                new HostileCase("a clinic id that is no UUID", "PUT", "/api/clinics/aurora",
                        "{\"name\": \"Aurora\", \"timeZone\": \"America/Denver\"}", ADMIN, 400, "clinicId"));
    }
}
