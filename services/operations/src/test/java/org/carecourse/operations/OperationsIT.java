package org.carecourse.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.carecourse.contracts.Actor;
import org.carecourse.contracts.EventJson;
import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.contracts.billing.BillingTopics;
import org.carecourse.contracts.billing.ChargePosted;
import org.carecourse.contracts.billing.ChargeVoided;
import org.carecourse.contracts.billing.CreditNoteIssued;
import org.carecourse.contracts.billing.InvoiceIssued;
import org.carecourse.contracts.billing.PaymentReceived;
import org.carecourse.contracts.billing.RefundIssued;
import org.carecourse.contracts.consultations.ConsultationCompleted;
import org.carecourse.contracts.consultations.ConsultationRequested;
import org.carecourse.contracts.consultations.ConsultationsTopics;
import org.carecourse.contracts.scheduling.AppointmentBooked;
import org.carecourse.contracts.scheduling.AppointmentCancelled;
import org.carecourse.contracts.scheduling.AppointmentNoShowed;
import org.carecourse.contracts.scheduling.AppointmentRescheduled;
import org.carecourse.contracts.scheduling.ChairAdded;
import org.carecourse.contracts.scheduling.ClinicHoursSet;
import org.carecourse.contracts.scheduling.ClinicRegistered;
import org.carecourse.contracts.scheduling.SchedulingTopics;
import org.carecourse.contracts.screening.EligibilityDecided;
import org.carecourse.contracts.screening.SafetyAlertRaised;
import org.carecourse.contracts.screening.ScreeningTopics;
import org.carecourse.contracts.treatment.CourseSafetyAlertRaised;
import org.carecourse.contracts.treatment.CourseSafetyAlertResolved;
import org.carecourse.contracts.treatment.InfusionAdministered;
import org.carecourse.contracts.treatment.OutcomeRecorded;
import org.carecourse.contracts.treatment.RemsFormDue;
import org.carecourse.contracts.treatment.RemsFormSubmitted;
import org.carecourse.contracts.treatment.SessionStarted;
import org.carecourse.contracts.treatment.TreatmentTopics;
import org.carecourse.servicekit.testing.RunnableServiceContract;
import org.carecourse.testkit.Api;
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
        properties = "spring.config.name=" + OperationsApplication.NAME)
class OperationsIT extends RunnableServiceContract {

    /**
     * A worked example across two clinics in two zones: every fact falls on its clinic's own day
     * (a 23:30 appointment in Chicago is on Chicago's Monday, though it is Tuesday in UTC), a
     * cancelled or moved appointment gives its chair-minutes back, money nets voids, and a fact
     * delivered twice counts once.
     */
    @Test
    void eachClinicsFiguresFallOnItsOwnDayCountOnceAndNetCancellationsAndVoids() {
        UUID chicago = announce("America/Chicago");
        UUID denver = announce("America/Denver");
        for (String chair : List.of("Chair 1", "Chair 2")) {
            send(SchedulingTopics.CLINIC, event(null, chicago, new ChairAdded(chicago, UUID.randomUUID(), chair, List.of("iv-infusion"))));
        }
        // Open Mondays and Tuesdays 08:00–18:00; closed on Tuesday 10 November.
        send(SchedulingTopics.CLINIC, event(null, chicago, new ClinicHoursSet(chicago, List.of(new ClinicHoursSet.Range("MONDAY", "08:00",
                "18:00"), new ClinicHoursSet.Range("TUESDAY", "08:00", "18:00")), List.of(LocalDate.parse("2026-11-10")))));
        UUID patient = UUID.randomUUID();
        Instant lateMonday = Instant.parse("2026-11-10T05:30:00Z"); // 23:30 on Monday 9 November in Chicago
        UUID kept = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        UUID moved = UUID.randomUUID();
        IntegrationEvent<?> booked = event(patient, chicago, new AppointmentBooked(kept, chicago, UUID.randomUUID(), "iv-infusion",
                lateMonday, lateMonday.plusSeconds(70 * 60), UUID.randomUUID(), UUID.randomUUID(), null, null, false));
        send(SchedulingTopics.APPOINTMENT, booked);
        send(SchedulingTopics.APPOINTMENT, booked);
        Instant mondayNoon = Instant.parse("2026-11-09T18:00:00Z");
        send(SchedulingTopics.APPOINTMENT, event(patient, chicago, new AppointmentBooked(cancelled, chicago, UUID.randomUUID(), "spravato",
                mondayNoon, mondayNoon.plusSeconds(120 * 60), UUID.randomUUID(), UUID.randomUUID(), null, null, false)));
        send(SchedulingTopics.APPOINTMENT, event(patient, chicago, new AppointmentCancelled(cancelled, chicago, "spravato", null,
                mondayNoon, "illness", true, mondayNoon.minusSeconds(3600), "patient")));
        send(SchedulingTopics.APPOINTMENT, event(patient, chicago, new AppointmentBooked(moved, chicago, UUID.randomUUID(), "consult",
                mondayNoon, mondayNoon.plusSeconds(30 * 60), UUID.randomUUID(), null, null, null, false)));
        send(SchedulingTopics.APPOINTMENT, event(patient, chicago, new AppointmentRescheduled(moved, UUID.randomUUID(), chicago, mondayNoon,
                mondayNoon.plusSeconds(86_400), false)));
        send(SchedulingTopics.APPOINTMENT, event(patient, chicago, new AppointmentNoShowed(UUID.randomUUID(), chicago, "iv-infusion", null,
                mondayNoon, mondayNoon.plusSeconds(900))));
        UUID course = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        send(TreatmentTopics.COURSE, event(patient, chicago, new SessionStarted(course, session, "iv-ketamine", new BigDecimal("35"),
                new BigDecimal("0.5"), new BigDecimal("70"), false, lateMonday, List.of())));
        send(TreatmentTopics.COURSE, event(patient, chicago, new InfusionAdministered(course, session, lateMonday,
                lateMonday.plusSeconds(2400), new BigDecimal("35"), new BigDecimal("0.5"), new BigDecimal("70"))));
        send(TreatmentTopics.COURSE, event(patient, denver, new SessionStarted(course, UUID.randomUUID(), "spravato", new BigDecimal("56"),
                null, null, false, Instant.parse("2026-11-10T16:00:00Z"), List.of())));
        LocalDate monday = LocalDate.parse("2026-11-09");
        UUID charge = UUID.randomUUID();
        send(BillingTopics.ACCOUNT, event(patient, chicago, new ChargePosted(charge, chicago, monday, "iv-infusion", "USD",
                new BigDecimal("450.00"), null, "InfusionAdministered", session, List.of())));
        send(BillingTopics.ACCOUNT, event(patient, chicago, new ChargePosted(UUID.randomUUID(), chicago, monday, "no-show-fee", "USD",
                new BigDecimal("100.00"), null, "AppointmentNoShowed", UUID.randomUUID(), List.of())));
        IntegrationEvent<?> voided = IntegrationEvent.of(UUID.randomUUID(), Instant.parse("2026-11-09T20:00:00Z"), patient, chicago, "c",
                "c", new Actor("billing.chicago", "billing"), new ChargeVoided(UUID.randomUUID(), chicago, "USD", new BigDecimal("100.00"),
                        "waived"));
        send(BillingTopics.ACCOUNT, voided);
        UUID payment = UUID.randomUUID();
        send(BillingTopics.ACCOUNT, event(patient, chicago, new PaymentReceived(payment, UUID.randomUUID(), chicago, "card", "USD",
                new BigDecimal("200.00"), Instant.parse("2026-11-09T22:00:00Z"))));
        send(BillingTopics.ACCOUNT, event(patient, chicago, new RefundIssued(UUID.randomUUID(), payment, UUID.randomUUID(), chicago, "USD",
                new BigDecimal("50.00"), Instant.parse("2026-11-10T05:59:00Z"))));

        String ops = TestTokens.staff("ops", "operations", Set.of(chicago, denver));
        Api api = Api.onPort(port);
        String path = "/api/dashboard/activity?from=2026-11-08&to=2026-11-11";
        JsonNode days = await().atMost(Duration.ofSeconds(30)).until(() -> EventJson.tree(api.get(path, ops).body()),
                tree -> figure(tree, chicago, "2026-11-09", "refunded") != null && figure(tree, denver, "2026-11-10", "spravato-sessions") != null
                        && figure(tree, chicago, "2026-11-09", "available-chair-minutes") != null);
        assertThat(figure(days, chicago, "2026-11-09", "appointments-booked")).isEqualByComparingTo("3");
        assertThat(figure(days, chicago, "2026-11-09", "booked-chair-minutes")).as("70 kept; 120 cancelled and 30 moved given back")
                .isEqualByComparingTo("70");
        assertThat(figure(days, chicago, "2026-11-09", "cancellations")).isEqualByComparingTo("1");
        assertThat(figure(days, chicago, "2026-11-09", "late-cancellations")).isEqualByComparingTo("1");
        assertThat(figure(days, chicago, "2026-11-09", "no-shows")).isEqualByComparingTo("1");
        assertThat(figure(days, chicago, "2026-11-09", "iv-sessions")).isEqualByComparingTo("1");
        assertThat(figure(days, chicago, "2026-11-09", "infusions-administered")).isEqualByComparingTo("1");
        assertThat(figure(days, chicago, "2026-11-09", "charged")).isEqualByComparingTo("450.00");
        assertThat(figure(days, chicago, "2026-11-09", "paid")).isEqualByComparingTo("200.00");
        assertThat(figure(days, chicago, "2026-11-09", "refunded")).as("05:59Z is 23:59 Monday in Chicago").isEqualByComparingTo("50.00");
        assertThat(figure(days, chicago, "2026-11-10", "appointments-booked")).isNull();
        assertThat(figure(days, chicago, "2026-11-09", "available-chair-minutes")).as("2 chairs × 600 min").isEqualByComparingTo("1200");
        assertThat(figure(days, chicago, "2026-11-09", "chair-utilization")).as("70 of 1200").isEqualByComparingTo("0.058");
        assertThat(figure(days, chicago, "2026-11-10", "available-chair-minutes")).as("closed that Tuesday").isNull();
        assertThat(figure(days, denver, "2026-11-10", "spravato-sessions")).isEqualByComparingTo("1");
        assertThat(days.valueStream().filter(d -> d.get("clinicId").asString().equals(denver.toString())).count()).isEqualTo(1);

        JsonNode comparison = EventJson.tree(api.get("/api/dashboard/comparison?from=2026-11-08&to=2026-11-11", ops).body());
        JsonNode chicagoTotals = comparison.valueStream().filter(c -> c.get("clinicId").asString().equals(chicago.toString())).findFirst()
                .orElseThrow();
        assertThat(chicagoTotals.at("/totals/appointments-booked").decimalValue()).isEqualByComparingTo("3");
        assertThat(chicagoTotals.get("noShowRate").decimalValue()).as("1 of 3 bookings").isEqualByComparingTo("0.333");
        assertThat(chicagoTotals.get("lateCancelRate").decimalValue()).isEqualByComparingTo("0.333");
        assertThat(chicagoTotals.get("chairUtilization").decimalValue()).as("70 of 1200 over the range").isEqualByComparingTo("0.058");
        assertThat(comparison.valueStream().filter(c -> c.get("clinicId").asString().equals(denver.toString())).findFirst().orElseThrow()
                .get("noShowRate").isNull()).as("no bookings in Denver: no rate, not zero").isTrue();

        String chicagoOnly = TestTokens.staff("ops.chicago", "operations", Set.of(chicago));
        JsonNode scoped = EventJson.tree(api.get(path + "&clinicId=" + denver, chicagoOnly).body());
        assertThat(scoped.isEmpty()).as("a clinic outside the token is left out").isTrue();
        assertThat(api.get(path, TestTokens.staff("fd", "front-desk", Set.of(chicago))).status()).isEqualTo(403);
        assertThat(api.get(path, TestTokens.staff("nurse", "nurse", Set.of(chicago))).status()).isEqualTo(403);
        assertThat(api.get("/api/dashboard/activity?from=2026-01-01&to=2027-06-01", ops).status()).isEqualTo(422);
        assertThat(api.get("/api/dashboard/activity?from=2026-11-08&to=nope", ops).status()).isEqualTo(400);
    }

    /**
     * A worked funnel at Chicago: A goes all the way (consulted after 2 days, decided eligible 4
     * days later, first session 7 days after that), B is consulted after 3 days and found
     * ineligible 4 days later, C only asked; D asked in Denver, and E asked at 23:00 on 31 October
     * in Chicago (already 1 November in UTC). A's request arrives twice and once more, later.
     */
    @Test
    void theIntakeFunnelCountsEachStepOnceOnTheClinicsCalendarWithConversionAndMedianDays() {
        UUID chicago = announce("America/Chicago");
        UUID denver = announce("America/Denver");
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Instant day1 = Instant.parse("2026-11-02T15:00:00Z");
        IntegrationEvent<?> aAsks = at(day1, a, chicago, new ConsultationRequested(UUID.randomUUID(), a, chicago, List.of("depression")));
        send(ConsultationsTopics.CONSULTATION, aAsks);
        send(ConsultationsTopics.CONSULTATION, aAsks);
        send(ConsultationsTopics.CONSULTATION, at(day1.plus(Duration.ofDays(20)), a, chicago, new ConsultationRequested(UUID.randomUUID(),
                a, chicago, List.of("depression"))));
        send(ConsultationsTopics.CONSULTATION, at(day1.plus(Duration.ofDays(2)), a, chicago, new ConsultationCompleted(UUID.randomUUID(), a,
                chicago, "recommend-screening")));
        send(ScreeningTopics.SCREENING_CASE, at(day1.plus(Duration.ofDays(6)), a, chicago, decided("eligible")));
        send(TreatmentTopics.COURSE, at(day1.plus(Duration.ofDays(13)), a, chicago, new SessionStarted(UUID.randomUUID(), UUID.randomUUID(),
                "iv-ketamine", new BigDecimal("35"), new BigDecimal("0.5"), new BigDecimal("70"), false, day1.plus(Duration.ofDays(13)),
                List.of())));
        Instant day2 = day1.plus(Duration.ofDays(1));
        send(ConsultationsTopics.CONSULTATION, at(day2, b, chicago, new ConsultationRequested(UUID.randomUUID(), b, chicago, List.of("ptsd"))));
        send(ConsultationsTopics.CONSULTATION, at(day2.plus(Duration.ofDays(3)), b, chicago, new ConsultationCompleted(UUID.randomUUID(), b,
                chicago, "recommend-screening")));
        send(ScreeningTopics.SCREENING_CASE, at(day2.plus(Duration.ofDays(7)), b, chicago, decided("ineligible")));
        UUID c = UUID.randomUUID();
        send(ConsultationsTopics.CONSULTATION, at(day2, c, chicago, new ConsultationRequested(UUID.randomUUID(), c, chicago, List.of("anxiety"))));
        UUID d = UUID.randomUUID();
        send(ConsultationsTopics.CONSULTATION, at(day2, d, denver, new ConsultationRequested(UUID.randomUUID(), d, denver, List.of("anxiety"))));
        UUID e = UUID.randomUUID();
        send(ConsultationsTopics.CONSULTATION, at(Instant.parse("2026-11-01T04:00:00Z"), e, chicago, new ConsultationRequested(
                UUID.randomUUID(), e, chicago, List.of("depression"))));

        String ops = TestTokens.staff("ops", "operations", Set.of(chicago, denver));
        Api api = Api.onPort(port);
        String path = "/api/dashboard/clinics/" + chicago + "/funnel?from=2026-11-01&to=2026-11-30";
        JsonNode steps = await().atMost(Duration.ofSeconds(30)).until(() -> EventJson.tree(api.get(path, ops).body()).get("steps"),
                tree -> tree != null && tree.get(0).get("patients").asLong() == 3 && tree.get(2).get("patients").asLong() == 2
                        && tree.get(4).get("patients").asLong() == 1);
        assertThat(steps.valueStream().map(s -> s.get("step").asString() + " " + s.get("patients").asLong()))
                .containsExactly("requested 3", "consulted 2", "screened 2", "eligible 1", "first-session 1");
        assertThat(steps.get(1).get("conversion").decimalValue()).isEqualByComparingTo("0.667");
        assertThat(steps.get(1).get("medianDaysFromPrevious").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(steps.get(2).get("medianDaysFromPrevious").decimalValue()).isEqualByComparingTo("4.0");
        assertThat(steps.get(3).get("conversion").decimalValue()).isEqualByComparingTo("0.500");
        assertThat(steps.get(4).get("medianDaysFromPrevious").decimalValue()).isEqualByComparingTo("7.0");
        JsonNode october = EventJson.tree(api.get("/api/dashboard/clinics/" + chicago + "/funnel?from=2026-10-31&to=2026-10-31", ops)
                .body()).get("steps");
        assertThat(october.get(0).get("patients").asLong()).as("E asked on 31 October, Chicago's day").isEqualTo(1);
        assertThat(api.get(path, TestTokens.staff("ops.denver", "operations", Set.of(denver))).status()).isEqualTo(403);
        UUID unannounced = UUID.randomUUID();
        Api.Response unknown = api.get("/api/dashboard/clinics/" + unannounced + "/funnel?from=2026-11-01&to=2026-11-30",
                TestTokens.staff("ops.unknown", "operations", Set.of(unannounced)));
        assertThat(unknown.status()).as("a clinic the directory does not know has no calendar to count days by").isEqualTo(422);
        assertThat(unknown.body()).contains("unknown-clinic");
    }

    /**
     * What needs attention now: screening's alert that entered a course counts once, a resolved one
     * not at all; a REMS form past its deadline is overdue, one due later only owed, a submitted one
     * neither.
     */
    @Test
    void theWatchCountsOpenSafetyAlertsOnceAndRemsFormsOwedAndOverdue() {
        UUID clinic = announce("America/Denver");
        UUID patient = UUID.randomUUID();
        UUID shared = UUID.randomUUID();
        UUID resolved = UUID.randomUUID();
        send(ScreeningTopics.SCREENING_CASE, event(patient, clinic, new SafetyAlertRaised(shared, UUID.randomUUID(), "phq-9-item-9")));
        send(TreatmentTopics.COURSE, event(patient, clinic, new CourseSafetyAlertRaised(shared, UUID.randomUUID(), "phq-9-item-9",
                "screening")));
        send(TreatmentTopics.COURSE, event(patient, clinic, new CourseSafetyAlertRaised(resolved, UUID.randomUUID(), "phq-9-item-9",
                "treatment")));
        send(TreatmentTopics.COURSE, event(patient, clinic, new CourseSafetyAlertResolved(resolved, UUID.randomUUID(), "safety-plan",
                "treatment")));
        send(ScreeningTopics.SCREENING_CASE, event(UUID.randomUUID(), clinic, new SafetyAlertRaised(UUID.randomUUID(), UUID.randomUUID(),
                "c-ssrs-high-risk")));
        UUID overdue = UUID.randomUUID();
        UUID submitted = UUID.randomUUID();
        send(TreatmentTopics.COURSE, event(patient, clinic, new RemsFormDue(UUID.randomUUID(), overdue, Instant.now().minusSeconds(3600))));
        send(TreatmentTopics.COURSE, event(patient, clinic, new RemsFormDue(UUID.randomUUID(), UUID.randomUUID(),
                Instant.now().plusSeconds(86_400))));
        send(TreatmentTopics.COURSE, event(patient, clinic, new RemsFormDue(UUID.randomUUID(), submitted, Instant.now().minusSeconds(7200))));
        send(TreatmentTopics.COURSE, event(patient, clinic, new RemsFormSubmitted(UUID.randomUUID(), submitted, Instant.now(), true)));

        String ops = TestTokens.staff("ops.watch", "operations", Set.of(clinic));
        Api api = Api.onPort(port);
        JsonNode watch = await().atMost(Duration.ofSeconds(30)).until(() -> EventJson.tree(api.get("/api/dashboard/watch", ops).body()).get(0),
                w -> w.get("openSafetyAlerts").asLong() == 2 && w.get("remsFormsOwed").asLong() == 2);
        assertThat(watch.get("clinicId").asString()).isEqualTo(clinic.toString());
        assertThat(watch.get("remsFormsOverdue").asLong()).isEqualTo(1);
        assertThat(watch.get("oldestOpenAlertRaisedAt").isNull()).isFalse();
        assertThat(api.get("/api/dashboard/watch", TestTokens.staff("fd", "front-desk", Set.of(clinic))).status()).isEqualTo(403);
    }

    /**
     * Outcomes among courses with at least three sessions, by their latest target assessment: C1
     * (3 sessions) responds and later remits, C4 (3 sessions) does not respond; C2 has only 2
     * sessions and C3 only a non-target assessment, so neither counts.
     */
    @Test
    void outcomesCountCoursesOfThreeSessionsOrMoreByTheirLatestTargetAssessment() {
        UUID clinic = announce("America/Chicago");
        UUID patient = UUID.randomUUID();
        UUID c1 = course(patient, clinic, 3);
        UUID c2 = course(patient, clinic, 2);
        UUID c3 = course(patient, clinic, 4);
        UUID c4 = course(patient, clinic, 3);
        Instant first = Instant.now().minusSeconds(3600);
        send(TreatmentTopics.COURSE, at(first, patient, clinic, outcome(c1, 9, true, false, true)));
        send(TreatmentTopics.COURSE, at(first.plusSeconds(600), patient, clinic, outcome(c1, 5, true, true, true)));
        send(TreatmentTopics.COURSE, at(first, patient, clinic, outcome(c2, 5, true, true, true)));
        send(TreatmentTopics.COURSE, at(first, patient, clinic, outcome(c3, 5, true, true, false)));
        send(TreatmentTopics.COURSE, at(first, patient, clinic, outcome(c4, 17, false, false, true)));
        String ops = TestTokens.staff("ops.outcomes", "operations", Set.of(clinic));
        Api api = Api.onPort(port);
        JsonNode outcomes = await().atMost(Duration.ofSeconds(30)).until(() -> EventJson.tree(api.get("/api/dashboard/outcomes", ops)
                .body()).get(0), o -> o.get("courses").asLong() == 2 && o.get("remitters").asLong() == 1);
        assertThat(outcomes.get("responders").asLong()).isEqualTo(1);
        assertThat(outcomes.get("responseRate").decimalValue()).isEqualByComparingTo("0.500");
        assertThat(outcomes.get("remissionRate").decimalValue()).isEqualByComparingTo("0.500");
    }

    /** Receivables by age from billing's events: 450 issued 45 days ago, 200 paid, 50 credited, 25 refunded; 100 issued today. */
    @Test
    void receivablesAgeFromBillingsInvoicesPaymentsRefundsAndCreditNotes() {
        UUID clinic = announce("America/Denver");
        UUID patient = UUID.randomUUID();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("America/Denver"));
        UUID older = UUID.randomUUID();
        send(BillingTopics.ACCOUNT, event(patient, clinic, new InvoiceIssued(older, "INV-1", clinic, "USD", new BigDecimal("450.00"),
                today.minusDays(45), today.minusDays(15), List.of())));
        UUID payment = UUID.randomUUID();
        send(BillingTopics.ACCOUNT, event(patient, clinic, new PaymentReceived(payment, older, clinic, "card", "USD", new BigDecimal("200.00"),
                Instant.now())));
        send(BillingTopics.ACCOUNT, event(patient, clinic, new CreditNoteIssued(UUID.randomUUID(), older, clinic, "USD",
                new BigDecimal("50.00"), "goodwill")));
        send(BillingTopics.ACCOUNT, event(patient, clinic, new RefundIssued(UUID.randomUUID(), payment, older, clinic, "USD",
                new BigDecimal("25.00"), Instant.now())));
        send(BillingTopics.ACCOUNT, event(patient, clinic, new InvoiceIssued(UUID.randomUUID(), "INV-2", clinic, "USD",
                new BigDecimal("100.00"), today, today.plusDays(30), List.of())));
        String ops = TestTokens.staff("ops.ar", "operations", Set.of(clinic));
        Api api = Api.onPort(port);
        JsonNode aging = await().atMost(Duration.ofSeconds(30)).until(() -> EventJson.tree(api.get("/api/dashboard/receivables", ops).body()),
                a -> !a.isEmpty() && a.get(0).get("receivable").decimalValue().compareTo(new BigDecimal("325.00")) == 0).get(0);
        assertThat(aging.get("days0to30").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(aging.get("days31to60").decimalValue()).isEqualByComparingTo("225.00");
        assertThat(aging.get("over90").decimalValue()).isEqualByComparingTo("0.00");
    }

    private UUID course(UUID patient, UUID clinic, int sessions) {
        UUID course = UUID.randomUUID();
        for (int i = 0; i < sessions; i++) {
            send(TreatmentTopics.COURSE, event(patient, clinic, new SessionStarted(course, UUID.randomUUID(), "iv-ketamine",
                    new BigDecimal("35"), new BigDecimal("0.5"), new BigDecimal("70"), false, Instant.now().minusSeconds(86_400L * (i + 2)),
                    List.of())));
        }
        return course;
    }

    private static OutcomeRecorded outcome(UUID course, int score, boolean response, boolean remission, boolean target) {
        return new OutcomeRecorded(course, UUID.randomUUID(), "phq-9", score, 20, (score - 20) * 100 / 20, response, remission, false,
                "mild", target);
    }

    private static EligibilityDecided decided(String outcome) {
        return new EligibilityDecided(UUID.randomUUID(), UUID.randomUUID(), "iv-ketamine", outcome, outcome, false, 1,
                LocalDate.parse("2027-02-01"), List.of(), List.of());
    }

    static IntegrationEvent<EventPayload> at(Instant occurredAt, UUID patient, UUID clinic, EventPayload payload) {
        return IntegrationEvent.of(UUID.randomUUID(), occurredAt, patient, clinic, "corr", "cause", new Actor("it", "nurse"), payload);
    }

    private static BigDecimal figure(JsonNode days, UUID clinic, String day, String metric) {
        return days.valueStream().filter(d -> d.get("clinicId").asString().equals(clinic.toString()) && d.get("day").asString().equals(day))
                .findFirst().map(d -> d.get("figures").get(metric)).filter(f -> f != null).map(JsonNode::decimalValue).orElse(null);
    }

    private UUID announce(String zone) {
        UUID clinic = UUID.randomUUID();
        send(SchedulingTopics.CLINIC, IntegrationEvent.of(UUID.randomUUID(), Instant.now(), null, clinic, "c", "c",
                Actor.system("scheduling"), new ClinicRegistered(clinic, "Clinic " + clinic, zone)));
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from clinic where clinic_id = ?").param(clinic)
                .query(Long.class).single() == 1);
        return clinic;
    }

    static IntegrationEvent<EventPayload> event(UUID patient, UUID clinic, EventPayload payload) {
        return IntegrationEvent.of(UUID.randomUUID(), Instant.now(), patient, clinic, "corr", "cause", new Actor("it", "nurse"), payload);
    }

    static void send(String topic, IntegrationEvent<?> event) {
        TopicProbe.send(topic, event.partitionKey(), EventJson.write(event));
    }

    @Override
    protected boolean publishesEvents() {
        return false;
    }

    @Override
    protected List<String> deadLetteringBindings() {
        return List.of("clinicEvents-in-0", "consultationEvents-in-0", "screeningEvents-in-0", "schedulingEvents-in-0", "treatmentEvents-in-0",
                "billingEvents-in-0");
    }

    @Override
    protected String[] documentedPaths() {
        return new String[] {"\"/api/dashboard/activity\"", "\"/api/dashboard/comparison\"", "\"/api/dashboard/clinics/{clinicId}/funnel\"",
                "\"/api/dashboard/watch\"", "\"/api/dashboard/outcomes\"", "\"/api/dashboard/receivables\"", "\"/api/dashboard/regions\"",
                "\"/api/dashboard/clinics/{clinicId}/region\"", "\"/api/admin/read-models/rebuild\""};
    }

    @Override
    protected List<HostileCase> hostileCases() {
        UUID clinic = UUID.randomUUID();
        String admin = TestTokens.staff("admin", "admin", Set.of(clinic));
        String path = "/api/dashboard/clinics/" + clinic + "/region";
        return List.of(
                new HostileCase("a 61-character region", "PUT", path, "{\"region\": \"" + "x".repeat(61) + "\"}", admin, 400, "region"),
                new HostileCase("markup for a region", "PUT", path, "{\"region\": \"<b>West</b>\"}", admin, 400, "region"),
                new HostileCase("no region", "PUT", path, "{}", admin, 400, "region"),
                new HostileCase("a region as a list", "PUT", path, "{\"region\": [\"West\"]}", admin, 400, null),
                new HostileCase("a clinic id that is not one", "PUT", "/api/dashboard/clinics/denver/region", "{\"region\": \"West\"}",
                        admin, 400, null));
    }

    @Override
    protected List<BusyRead> busyReads() {
        String ops = TestTokens.staff("ops", "operations", Set.of(UUID.randomUUID()));
        return List.of(new BusyRead("/api/dashboard/activity?from=2026-11-01&to=2026-11-30", ops),
                new BusyRead("/api/dashboard/comparison?from=2026-11-01&to=2026-11-30", ops), new BusyRead("/api/dashboard/watch", ops));
    }
}
