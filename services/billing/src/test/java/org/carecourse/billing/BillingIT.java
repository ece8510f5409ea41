package org.carecourse.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.carecourse.contracts.Actor;
import org.carecourse.contracts.EventJson;
import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.EventTypes;
import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.contracts.billing.BillingTopics;
import org.carecourse.contracts.billing.ChargePosted;
import org.carecourse.contracts.consultations.ConsultationCompleted;
import org.carecourse.contracts.consultations.ConsultationsTopics;
import org.carecourse.contracts.fixtures.GoldenFixtures;
import org.carecourse.contracts.scheduling.AppointmentCancelled;
import org.carecourse.contracts.scheduling.AppointmentNoShowed;
import org.carecourse.contracts.scheduling.ClinicRegistered;
import org.carecourse.contracts.scheduling.SchedulingTopics;
import org.carecourse.contracts.treatment.InfusionAdministered;
import org.carecourse.contracts.treatment.SessionCompleted;
import org.carecourse.contracts.treatment.SessionEntryAmended;
import org.carecourse.contracts.treatment.SessionStarted;
import org.carecourse.contracts.treatment.OutcomeRecorded;
import org.carecourse.contracts.treatment.TreatmentCourseOpened;
import org.carecourse.contracts.treatment.TreatmentTopics;
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

import io.micrometer.core.instrument.MeterRegistry;

import tools.jackson.databind.JsonNode;

@ExtendWith(PlatformInfraExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + BillingApplication.NAME)
class BillingIT extends RunnableServiceContract {

    @org.springframework.test.context.DynamicPropertySource
    static void consultations(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("carecourse.billing.consultations-url", ConsultationsPeer::url);
    }

    private static final int CLIENTS = 64;
    private static final ZoneId DENVER = ZoneId.of("America/Denver");
    private static final String PROFILE = """
            {"legalName": "CareCourse Denver PLLC", "npi": "1234567893", "tin": "84-1234567", "address": "1600 Grant St, Denver CO",
             "phone": "(303) 555-0100", "renderingProvider": {"name": "Dr. Ana Ruiz", "npi": "1098765432", "credentials": "MD"}}""";

    /**
     * Billing acts on a handful of treatment's events; the rest (a PHQ-9 outcome here) are read,
     * checked and acknowledged without a transaction or an inbox row, and the partition moves on.
     */
    @Test
    void aTreatmentEventBillingDoesNotActOnLeavesNoInboxRowAndHoldsNothingBack() {
        UUID clinic = clinic();
        UUID patient = UUID.randomUUID();
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        var ignored = context.getBean(MeterRegistry.class).counter("carecourse.inbound.events",
                "consumer", "billing-treatment", "outcome", "ignored");
        double ignoredBefore = ignored.count();
        IntegrationEvent<EventPayload> outcome = event(patient, clinic, new OutcomeRecorded(
                UUID.randomUUID(), null, "phq-9", 9, 18, -50, true, false, false, "mild", true));
        send(TreatmentTopics.COURSE, outcome);
        UUID course = openCourse(patient, clinic, "iv-ketamine"); // same patient, same partition: handled after the outcome

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from course_copy where course_id = ?").param(course)
                .query(Long.class).single() == 1);
        assertThat(jdbc.sql("select count(*) from inbox_message where event_id = ?").param(outcome.eventId()).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from inbox_message where consumer = 'billing-treatment' and event_type = ?")
                .param("TreatmentCourseOpened").query(Long.class).single()).isPositive();
        assertThat(ignored.count()).isGreaterThanOrEqualTo(ignoredBefore + 1);
    }

    /** A session in treatment ends and completes on Kafka: one charge, invoiced, partly paid; the balance and aging follow. */
    @Test
    void aCompletedInfusionIsChargedOnceInvoicedPartlyPaidAndAgedAsOwed() {
        UUID clinic = clinic();
        UUID patient = UUID.randomUUID();
        String billing = billing(clinic);
        Api api = Api.onPort(port);
        UUID session;
        try (TopicProbe topic = new TopicProbe(BillingTopics.ACCOUNT)) {
            session = infusion(patient, clinic, Instant.now().minusSeconds(3 * 3600), 95, "35.0");
            JsonNode charge = awaitCharges(patient, billing, 1).get(0);
            assertThat(charge.get("kind").asString()).isEqualTo("iv-infusion");
            assertThat(charge.get("amount").decimalValue()).isEqualByComparingTo("450.00");
            assertThat(charge.get("lines").valueStream().map(l -> l.get("code").asString())).containsExactly("96365", "96366", "J3490");
            TopicProbe.Record posted = await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().stream()
                    .filter(r -> r.value().contains("\"ChargePosted\"") && r.value().contains(session.toString())).findFirst(),
                    Optional::isPresent).orElseThrow();
            assertThat(posted.key()).isEqualTo(patient.toString());
            assertThat(GoldenFixtures.shape(posted.value()))
                    .isEqualTo(GoldenFixtures.shape(GoldenFixtures.of(EventTypes.of(ChargePosted.class))));
        }

        UUID invoice = issue(patient, clinic, billing);
        Api.Response paid = api.sendKeyed("POST", "/api/invoices/" + invoice + "/payments",
                "{\"amount\": 200.00, \"method\": \"card\", \"reference\": \"ch_3Nk\"}", billing, UUID.randomUUID().toString());
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(EventJson.tree(paid.body()).get("balance").decimalValue()).isEqualByComparingTo("250.00");

        JsonNode balance = EventJson.tree(api.get("/api/patients/" + patient + "/balance", billing).body()).get(0);
        assertThat(balance.get("invoicedBalance").decimalValue()).isEqualByComparingTo("250.00");
        assertThat(balance.get("openCharges").decimalValue()).isEqualByComparingTo("0.00");
        JsonNode today = EventJson.tree(api.get("/api/clinics/" + clinic + "/ar-aging", billing).body()).get(0);
        assertThat(today.get("days0to30").decimalValue()).isEqualByComparingTo("250.00");
        assertThat(today.get("receivable").decimalValue()).isEqualByComparingTo("250.00");
        LocalDate in45Days = LocalDate.now(DENVER).plusDays(45);
        JsonNode later = EventJson.tree(api.get("/api/clinics/" + clinic + "/ar-aging?asOf=" + in45Days, billing).body()).get(0);
        assertThat(later.get("days0to30").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(later.get("days31to60").decimalValue()).isEqualByComparingTo("250.00");

        String nurse = TestTokens.staff("nurse.denver", "nurse", Set.of(clinic));
        assertThat(api.get("/api/patients/" + patient + "/balance", nurse).status()).isEqualTo(403);
        assertThat(api.get("/api/invoices/" + invoice, nurse).status()).isEqualTo(403);
        String otherClinic = billing(UUID.randomUUID());
        assertThat(api.get("/api/invoices/" + invoice, otherClinic).status()).isEqualTo(403);
        assertThat(api.get("/api/clinics/" + clinic + "/ar-aging", otherClinic).status()).isEqualTo(403);
        assertThat(EventJson.tree(api.get("/api/patients/" + patient + "/balance", otherClinic).body()).isEmpty()).isTrue();
    }

    @Test
    void aRedeliveredSessionAndARepeatedFactOfTheSameSessionChargeOnce() {
        UUID clinic = clinic();
        UUID patient = UUID.randomUUID();
        String billing = billing(clinic);
        UUID course = openCourse(patient, clinic, "iv-ketamine");
        UUID session = UUID.randomUUID();
        Instant start = Instant.now().minusSeconds(7200);
        IntegrationEvent<?> administered = event(patient, clinic, new InfusionAdministered(course, session, start, start.plusSeconds(2400),
                new BigDecimal("35.0"), new BigDecimal("0.5"), new BigDecimal("70")));
        send(TreatmentTopics.COURSE, administered);
        send(TreatmentTopics.COURSE, administered);
        send(TreatmentTopics.COURSE, event(patient, clinic, administered.payload()));
        awaitCharges(patient, billing, 1);
        UUID marker = infusion(patient, clinic, Instant.now().minusSeconds(3600), 40, "35");
        List<JsonNode> charges = awaitCharges(patient, billing, 2);
        assertThat(charges).extracting(c -> c.get("sourceId").asString()).containsExactlyInAnyOrder(session.toString(), marker.toString());
    }

    /** A nurse corrects the stop time: the open charge is re-priced once (96366 added); once invoiced, a correction changes nothing. */
    @Test
    void anAmendedStopTimeRePricesTheOpenInfusionChargeOnceAndLeavesAnInvoicedOneAlone() {
        UUID clinic = clinic();
        UUID patient = UUID.randomUUID();
        String billing = billing(clinic);
        Instant start = Instant.now().minusSeconds(4 * 3600);
        UUID session = infusion(patient, clinic, start, 45, "35");
        awaitCharges(patient, billing, 1);
        IntegrationEvent<?> amended = event(patient, clinic, new SessionEntryAmended(UUID.randomUUID(), session, "stop-time",
                start.plusSeconds(95 * 60), null, null));
        send(TreatmentTopics.COURSE, amended);
        send(TreatmentTopics.COURSE, amended);
        Api api = Api.onPort(port);
        List<JsonNode> charges = await().atMost(Duration.ofSeconds(30)).until(() -> EventJson.tree(api.get("/api/patients/" + patient
                + "/charges", billing).body()).valueStream().toList(), list -> list.size() == 2
                && list.stream().anyMatch(c -> c.get("status").asString().equals("voided")));
        JsonNode current = charges.stream().filter(c -> c.get("status").asString().equals("open")).findFirst().orElseThrow();
        assertThat(current.get("lines").valueStream().map(l -> l.get("code").asString())).containsExactly("96365", "96366", "J3490");
        assertThat(current.get("source").asString()).isEqualTo("SessionEntryAmended");

        issue(patient, clinic, billing);
        send(TreatmentTopics.COURSE, event(patient, clinic, new SessionEntryAmended(UUID.randomUUID(), session, "stop-time",
                start.plusSeconds(150 * 60), null, null)));
        UUID marker = infusion(patient, clinic, Instant.now().minusSeconds(3600), 40, "35");
        List<JsonNode> after = awaitCharges(patient, billing, 3);
        assertThat(after).extracting(c -> c.get("sourceId").asString()).contains(marker.toString());
        assertThat(after).as("the invoiced charge stays as issued").hasSize(3);
    }

    /**
     * A patient of 230 infusions: the account is snapshotted and still refuses its first session
     * again; an invoice carries at most 200 charges (its published event lists them) and the rest
     * wait for the next; nothing is parked on the way to Kafka.
     */
    @Test
    void aLongAccountIsSnapshottedRefusesItsFirstSourceAgainAndSplitsItsChargesAcrossInvoicesOfAtMost200() throws Exception {
        UUID clinic = clinic();
        UUID patient = UUID.randomUUID();
        String billing = billing(clinic);
        UUID course = openCourse(patient, clinic, "iv-ketamine");
        Instant start = Instant.now().minusSeconds(6 * 3600);
        List<IntegrationEvent<?>> infusions = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            infusions.add(event(patient, clinic, new InfusionAdministered(course, UUID.randomUUID(), start, start.plusSeconds(2400),
                    new BigDecimal("35"), new BigDecimal("0.5"), new BigDecimal("70"))));
        }
        infusions.forEach(e -> send(TreatmentTopics.COURSE, e));
        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc().sql("select count(*) from charge where patient_id = ?").param(patient)
                .query(Long.class).single() == 230);
        assertThat(jdbc().sql("select count(*) from snapshot_event_entry where aggregate_identifier = ?").param(patient.toString())
                .query(Long.class).single()).as("snapshots of the account").isPositive();

        send(TreatmentTopics.COURSE, event(patient, clinic, infusions.get(0).payload()));
        UUID marker = infusion(patient, clinic, start, 40, "35");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc().sql("select count(*) from charge where source_id = ?").param(marker)
                .query(Long.class).single() == 1);
        assertThat(jdbc().sql("select count(*) from charge where patient_id = ?").param(patient).query(Long.class).single())
                .as("the first session, delivered again past the snapshot, charged nothing").isEqualTo(231);

        Api api = Api.onPort(port);
        UUID first = issue(patient, clinic, billing);
        assertThat(EventJson.tree(api.get("/api/invoices/" + first, billing).body()).get("charges").size()).isEqualTo(200);
        UUID second = issue(patient, clinic, billing);
        assertThat(EventJson.tree(api.get("/api/invoices/" + second, billing).body()).get("charges").size()).isEqualTo(31);
        assertThat(api.put("/api/clinics/" + clinic + "/billing-profile", PROFILE, billing).status()).isEqualTo(200);
        byte[] pdf = pdf(first, billing);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).as("400 code lines run over several pages").isGreaterThan(5);
            String text = new PDFTextStripper().getText(document);
            assertThat(text.lines().filter(line -> line.contains(" | 96365 | "))).hasSize(200);
            assertThat(text).contains("Total charged: 90000.00 USD");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc().sql("""
                        select count(*) from outbound_published p join domain_event_entry e on e.event_identifier = p.event_id::text
                        where e.aggregate_identifier in (?, ?)""").params(first.toString(), second.toString()).query(Long.class).single())
                .as("both invoices' InvoiceIssued published (a draft is not)").isEqualTo(2));
        assertThat(jdbc().sql("select count(*) from outbound_parked where partition_key = ?").param(patient.toString()).query(Long.class)
                .single()).isZero();
    }

    /** A Spravato dose is coded by the patient's payer; once the course is in maintenance an infusion is a booster. */
    @Test
    void aMedicareSpravatoSessionIsG2083WithKxAndAMaintenanceInfusionIsABooster() {
        UUID clinic = clinic();
        UUID patient = UUID.randomUUID();
        String billing = billing(clinic);
        Api api = Api.onPort(port);
        assertThat(api.put("/api/patients/" + patient + "/coverage", "{\"payer\": \"medicare\"}", billing).status()).isEqualTo(200);
        UUID spravatoCourse = openCourse(patient, clinic, "spravato");
        UUID dose = UUID.randomUUID();
        Instant dosedAt = Instant.now().minusSeconds(3 * 3600);
        send(TreatmentTopics.COURSE, event(patient, clinic, new SessionStarted(spravatoCourse, dose, "spravato", new BigDecimal("84"), null,
                null, false, dosedAt, List.of())));
        send(TreatmentTopics.COURSE, event(patient, clinic, new SessionCompleted(spravatoCourse, dose, dosedAt.plusSeconds(7300))));
        JsonNode spravato = awaitCharges(patient, billing, 1).get(0);
        assertThat(spravato.get("kind").asString()).isEqualTo("spravato-session");
        assertThat(spravato.at("/lines/0/code").asString()).isEqualTo("G2083");
        assertThat(spravato.at("/lines/0/modifier").asString()).isEqualTo("KX");

        UUID ivCourse = openCourse(patient, clinic, "iv-ketamine");
        send(TreatmentTopics.COURSE, event(patient, clinic, new org.carecourse.contracts.treatment.PhaseChanged(ivCourse, "induction",
                "maintenance")));
        UUID session = UUID.randomUUID();
        Instant start = Instant.now().minusSeconds(2 * 3600);
        send(TreatmentTopics.COURSE, event(patient, clinic, new InfusionAdministered(ivCourse, session, start, start.plusSeconds(2400),
                new BigDecimal("35"), new BigDecimal("0.5"), new BigDecimal("70"))));
        JsonNode booster = awaitCharges(patient, billing, 2).stream().filter(c -> c.get("sourceId").asString().equals(session.toString()))
                .findFirst().orElseThrow();
        assertThat(booster.get("kind").asString()).isEqualTo("booster");
        assertThat(booster.get("amount").decimalValue()).isEqualByComparingTo("400.00");
    }

    /** Topics are not ordered with each other: a session at a clinic billing has not heard of waits for the clinic, it is not dead-lettered. */
    @Test
    void aSessionAtAClinicBillingHasNotHeardOfIsRetriedUntilTheClinicIsAnnouncedThenChargedOnce() {
        UUID clinic = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        String billing = billing(clinic);
        io.micrometer.core.instrument.MeterRegistry meters = context.getBean(MeterRegistry.class);
        java.util.function.DoubleSupplier failures = () -> Optional.ofNullable(meters.find("carecourse.inbound.events")
                .tag("consumer", "billing-treatment").tag("outcome", "failed").counter()).map(c -> c.count()).orElse(0.0);
        double before = failures.getAsDouble();
        try (TopicProbe deadLetters = new TopicProbe("carecourse.treatment.course.v1.billing.dlq")) {
            infusion(patient, clinic, Instant.now().minusSeconds(3 * 3600), 45, "35");
            await().atMost(Duration.ofSeconds(30)).until(() -> failures.getAsDouble() > before);
            announce(clinic, "America/Denver");
            awaitCharges(patient, billing, 1);
            assertThat(deadLetters.poll()).noneMatch(r -> patient.toString().equals(r.key()));
        }
        assertThat(jdbc().sql("select count(*) from charge where patient_id = ?").param(patient).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPaymentNeedsAKeyAndSixtyFourRetriesOfOneKeyedPaymentRecordItOnceWhileManyPaymentsNeverOverpay() throws Exception {
        UUID clinic = clinic();
        UUID patient = UUID.randomUUID();
        String billing = billing(clinic);
        infusion(patient, clinic, Instant.now().minusSeconds(3 * 3600), 45, "35");
        awaitCharges(patient, billing, 1);
        UUID invoice = issue(patient, clinic, billing);
        Api api = Api.onPort(port);
        String path = "/api/invoices/" + invoice + "/payments";
        Api.Response unkeyed = api.post(path, "{\"amount\": 10.00, \"method\": \"cash\"}", billing);
        assertThat(unkeyed.status()).isEqualTo(400);
        assertThat(unkeyed.body()).contains("Idempotency-Key");

        String key = UUID.randomUUID().toString();
        List<Api.Response> retries = Concurrent.run(CLIENTS, () -> api.sendKeyed("POST", path,
                "{\"amount\": 50.00, \"method\": \"card\"}", billing, key));
        assertThat(retries).extracting(Api.Response::status).containsOnly(201);
        assertThat(payments(invoice)).isEqualTo(1);

        List<Api.Response> many = Concurrent.run(CLIENTS, () -> api.sendKeyed("POST", path,
                "{\"amount\": 10.00, \"method\": \"cash\"}", billing, UUID.randomUUID().toString()));
        long taken = many.stream().filter(r -> r.status() == 201).count();
        assertThat(many).extracting(Api.Response::status).allSatisfy(s -> assertThat(s).isIn(201, 422));
        assertThat(taken).as("450.00 − 50.00 leaves room for forty 10.00 payments").isEqualTo(40);
        JsonNode after = EventJson.tree(api.get("/api/invoices/" + invoice, billing).body());
        assertThat(after.get("balance").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(payments(invoice)).isEqualTo(41);
        try (TopicProbe topic = new TopicProbe(BillingTopics.ACCOUNT)) {
            Api.Response over = api.sendKeyed("POST", path, "{\"amount\": 0.01, \"method\": \"cash\"}", billing, UUID.randomUUID().toString());
            assertThat(over.status()).isEqualTo(422);
            assertThat(EventJson.tree(over.body()).get("rule").asString()).isEqualTo("overpayment");
        }
    }

    /**
     * Sixty-four billers at once on each money write of one invoice, charge or package: every one
     * answers, and only the effects the rules allow are recorded (one draft claims the charges, one
     * number, payments, refunds and credits up to what each may still take, one void, one refund).
     */
    @Test
    void sixtyFourBillersAtOnceOnEachWriteLeaveExactlyTheEffectsTheRulesAllow() throws Exception {
        UUID clinic = clinic();
        UUID patient = UUID.randomUUID();
        String billing = billing(clinic);
        Api api = Api.onPort(port);
        infusion(patient, clinic, Instant.now().minusSeconds(5 * 3600), 45, "35");
        infusion(patient, clinic, Instant.now().minusSeconds(3 * 3600), 45, "35");
        awaitCharges(patient, billing, 2);

        String drafts = "/api/patients/" + patient + "/invoices";
        String draftBody = "{\"clinicId\": \"" + clinic + "\"}";
        List<Api.Response> drafted = Concurrent.run(CLIENTS, () -> api.sendKeyed("POST", drafts, draftBody, billing,
                UUID.randomUUID().toString()));
        assertThat(drafted).extracting(Api.Response::status).containsOnly(201, 409);
        assertThat(drafted.stream().filter(r -> r.status() == 201)).hasSize(1);
        UUID invoice = UUID.fromString(EventJson.tree(drafted.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().body())
                .get("invoiceId").asString());
        String path = "/api/invoices/" + invoice;

        List<Api.Response> issued = Concurrent.run(CLIENTS, () -> api.post(path + "/issue", "{}", billing));
        assertThat(issued).extracting(Api.Response::status).containsOnly(200);
        assertThat(issued).extracting(r -> EventJson.tree(r.body()).get("number").asString()).containsOnly(
                EventJson.tree(issued.get(0).body()).get("number").asString());
        assertThat(events(invoice, "Issued")).isEqualTo(1);

        List<Api.Response> paid = Concurrent.run(CLIENTS, () -> api.sendKeyed("POST", path + "/payments",
                "{\"amount\": 10.00, \"method\": \"cash\"}", billing, UUID.randomUUID().toString()));
        assertThat(paid).extracting(Api.Response::status).containsOnly(201);
        assertThat(payments(invoice)).isEqualTo(64);
        String payment = EventJson.tree(api.get(path, billing).body()).at("/payments/0/paymentId").asString();
        List<Api.Response> refunded = Concurrent.run(CLIENTS, () -> api.sendKeyed("POST", path + "/refunds",
                "{\"paymentId\": \"" + payment + "\", \"amount\": 1.00}", billing, UUID.randomUUID().toString()));
        assertThat(refunded).extracting(Api.Response::status).containsOnly(201, 422);
        assertThat(refunded.stream().filter(r -> r.status() == 201)).as("ten 1.00 refunds of a 10.00 payment").hasSize(10);
        List<Api.Response> credited = Concurrent.run(CLIENTS, () -> api.sendKeyed("POST", path + "/credit-notes",
                "{\"amount\": 15.00, \"reason\": \"goodwill\"}", billing, UUID.randomUUID().toString()));
        assertThat(credited).extracting(Api.Response::status).containsOnly(201, 422);
        assertThat(credited.stream().filter(r -> r.status() == 201)).as("sixty 15.00 credits of a 900.00 invoice").hasSize(60);
        JsonNode after = EventJson.tree(api.get(path, billing).body());
        assertThat(after.get("credited").decimalValue()).isEqualByComparingTo("900.00");
        assertThat(after.get("balance").decimalValue()).isEqualByComparingTo("-630.00");

        send(SchedulingTopics.APPOINTMENT, event(patient, clinic, new AppointmentNoShowed(UUID.randomUUID(), clinic, "iv-infusion", null,
                Instant.now().minusSeconds(7200), Instant.now().minusSeconds(6300))));
        String fee = awaitCharges(patient, billing, 3).stream().filter(c -> c.get("kind").asString().equals("no-show-fee")).findFirst()
                .orElseThrow().get("chargeId").asString();
        List<Api.Response> voided = Concurrent.run(CLIENTS, () -> api.post("/api/charges/" + fee + "/void", "{\"reason\": \"waived\"}",
                billing));
        assertThat(voided).extracting(Api.Response::status).containsOnly(200);
        assertThat(jdbc().sql("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like '%ChargeVoided'")
                .param(patient.toString()).query(Long.class).single()).isEqualTo(1);

        UUID buyer = UUID.randomUUID();
        assertThat(api.post("/api/patients/" + buyer + "/packages", draftBody, billing).status()).isEqualTo(201);
        UUID packageInvoice = issue(buyer, clinic, billing);
        String packageId = EventJson.tree(api.get("/api/patients/" + buyer + "/packages", billing).body()).get(0).get("packageId").asString();
        List<Api.Response> packageRefunds = Concurrent.run(CLIENTS, () -> api.post("/api/packages/" + packageId + "/refund", "{}", billing));
        assertThat(packageRefunds).extracting(Api.Response::status).containsOnly(200, 409);
        assertThat(packageRefunds.stream().filter(r -> r.status() == 200)).hasSize(1);
        assertThat(EventJson.tree(api.get("/api/invoices/" + packageInvoice, billing).body()).get("credited").decimalValue())
                .isEqualByComparingTo("2400.00");

        List<Api.Response> profiles = Concurrent.run(CLIENTS, () -> api.put("/api/clinics/" + clinic + "/billing-profile", PROFILE, billing));
        assertThat(profiles).extracting(Api.Response::status).containsOnly(200);
        List<Api.Response> coverage = Concurrent.run(CLIENTS, () -> api.put("/api/patients/" + patient + "/coverage",
                "{\"payer\": \"commercial\"}", billing));
        assertThat(coverage).extracting(Api.Response::status).containsOnly(200);
        assertThat(jdbc().sql("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like '%CoverageSet'")
                .param(patient.toString()).query(Long.class).single()).isEqualTo(1);

        UUID second = UUID.randomUUID();
        infusion(second, clinic, Instant.now().minusSeconds(3 * 3600), 45, "35");
        awaitCharges(second, billing, 1);
        String discardable = "/api/invoices/" + EventJson.tree(api.post("/api/patients/" + second + "/invoices", draftBody, billing).body())
                .get("invoiceId").asString();
        List<Api.Response> discarded = Concurrent.run(CLIENTS, () -> api.post(discardable + "/discard", "{}", billing));
        assertThat(discarded).extracting(Api.Response::status).containsOnly(200, 409);
        assertThat(discarded.stream().filter(r -> r.status() == 200)).hasSize(1);
        assertThat(EventJson.tree(api.get("/api/patients/" + second + "/charges", billing).body()).get(0).get("status").asString())
                .as("a discarded draft's charge is open again").isEqualTo("open");
    }

    private long events(UUID aggregate, String type) {
        return jdbc().sql("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like ?")
                .params(aggregate.toString(), "%$" + type).query(Long.class).single();
    }

    @Test
    void aPackageSoldInDenverPaysForAChicagoInfusionAndTheSettlementShowsWhatDenverOwesChicago() {
        UUID denver = clinic();
        UUID chicago = clinic("America/Chicago");
        UUID patient = UUID.randomUUID();
        String billingBoth = TestTokens.staff("billing.chain", "billing", Set.of(denver, chicago));
        Api api = Api.onPort(port);
        Api.Response bought = api.post("/api/patients/" + patient + "/packages", "{\"clinicId\": \"" + denver + "\"}", billingBoth);
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        assertThat(EventJson.tree(bought.body()).get("credits").asInt()).isEqualTo(6);
        infusion(patient, chicago, Instant.now().minusSeconds(3 * 3600), 45, "35");
        List<JsonNode> charges = awaitCharges(patient, billingBoth, 2);
        JsonNode chicagoCharge = charges.stream().filter(c -> c.get("clinicId").asString().equals(chicago.toString())).findFirst()
                .orElseThrow();
        assertThat(chicagoCharge.get("amount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(chicagoCharge.get("coveredByPackageId").asString()).isEqualTo(EventJson.tree(bought.body()).get("packageId").asString());
        LocalDate today = LocalDate.now(ZoneId.of("America/Chicago"));
        JsonNode settlement = EventJson.tree(api.get("/api/reports/package-settlement?from=" + today.minusDays(1) + "&to="
                + today.plusDays(1), billingBoth).body());
        JsonNode transfer = settlement.get("transfers").valueStream().filter(t -> t.get("owedTo").asString().equals(chicago.toString()))
                .findFirst().orElseThrow();
        assertThat(transfer.get("owedBy").asString()).isEqualTo(denver.toString());
        assertThat(transfer.get("amount").decimalValue()).isEqualByComparingTo("400.00");
        JsonNode chicagoRow = settlement.get("clinics").valueStream().filter(c -> c.get("clinicId").asString().equals(chicago.toString()))
                .findFirst().orElseThrow();
        assertThat(chicagoRow.get("net").decimalValue()).isEqualByComparingTo("400.00");
    }

    @Test
    void theSuperbillPdfReadsBackWithTheClinicsIdentifiersTheCodesAndTheInvoicesTotals() throws Exception {
        UUID clinic = clinic();
        UUID patient = UUID.randomUUID();
        String billing = billing(clinic);
        Api api = Api.onPort(port);
        assertThat(api.put("/api/clinics/" + clinic + "/billing-profile", PROFILE, billing).status()).isEqualTo(200);
        Api.Response coverage = api.put("/api/patients/" + patient + "/coverage", """
                {"payer": "commercial", "insured": {"payerName": "Aetna", "memberId": "W123456789", "groupNumber": "G-77",
                 "insuredName": "Luis Lopez", "insuredDateOfBirth": "1983-02-01", "relationship": "spouse"}}""", billing);
        assertThat(coverage.status()).as(coverage.body()).isEqualTo(200);
        infusion(patient, clinic, Instant.now().minusSeconds(3 * 3600), 95, "35.5");
        awaitCharges(patient, billing, 1);
        UUID invoice = issue(patient, clinic, billing);
        api.sendKeyed("POST", "/api/invoices/" + invoice + "/payments", "{\"amount\": 150.00, \"method\": \"check\"}", billing,
                UUID.randomUUID().toString());
        JsonNode json = EventJson.tree(api.get("/api/invoices/" + invoice + "/superbill", billing).body());
        JsonNode invoiceJson = EventJson.tree(api.get("/api/invoices/" + invoice, billing).body());
        assertThat(json.get("charged").decimalValue()).isEqualByComparingTo(invoiceJson.get("total").decimalValue());
        assertThat(json.get("paid").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(json.get("balance").decimalValue()).isEqualByComparingTo(invoiceJson.get("balance").decimalValue());
        assertThat(json.get("diagnosisCodes").valueStream().map(JsonNode::asString)).containsExactly("F33.2");
        BigDecimal lineSum = json.get("lines").valueStream().map(l -> l.get("amount").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(lineSum).isEqualByComparingTo(json.get("charged").decimalValue());

        assertThat(json.at("/patient/familyName").asString()).isEqualTo("Lopez");
        assertThat(json.at("/patient/address/postalCode").asString()).isEqualTo("80203");
        assertThat(ConsultationsPeer.REQUESTS).as("read from consultations with the biller's own token, for a stated purpose")
                .contains("/api/patients/" + patient + "?purpose=superbill Bearer " + billing);

        String text = text(pdf(invoice, billing));
        assertThat(text).contains("NPI 1234567893", "TIN 84-1234567", "Dr. Ana Ruiz", "F33.2", "96365", "96366", "J3490", "00409-2051-05",
                "35.5", "Total charged: 450.00 USD", "Paid: 150.00", "Balance: 300.00", invoiceJson.get("number").asString(),
                "Patient: Lopez, Ana", "date of birth 1985-04-12", "12 Elm St, Apt 3, Denver, CO 80203", "Insurance: Aetna",
                "member W123456789", "Insured: Luis Lopez", "relationship to insured: spouse");
        assertThat(api.get("/api/invoices/" + invoice + "/superbill?diagnosis=not-a-code", billing).status()).isEqualTo(400);
    }

    @Test
    void missedAppointmentsAreFeedByTheScheduleInForceOnTheirDayAndOnlyALateCancellationPaysTheLateFee() {
        UUID clinic = clinic();
        UUID patient = UUID.randomUUID();
        String billing = billing(clinic);
        Api api = Api.onPort(port);
        LocalDate today = LocalDate.now(DENVER);
        String schedule = GoldenSchedule.WITH_FEES;
        Api.Response published = api.post("/api/clinics/" + clinic + "/fee-schedules", "{\"effectiveFrom\": \"" + today + "\", \"schedule\": "
                + schedule + "}", billing);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        Api.Response next = api.post("/api/clinics/" + clinic + "/fee-schedules", "{\"effectiveFrom\": \"" + today.plusDays(10)
                + "\", \"schedule\": " + schedule.replace("\"noShowFee\": {\"amount\": 120.00}", "\"noShowFee\": {\"amount\": 150.00}") + "}",
                billing);
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(EventJson.tree(api.get("/api/clinics/" + clinic + "/fee-schedules/in-force?on=" + today.plusDays(9), billing).body())
                .at("/schedule/noShowFee/amount").decimalValue()).isEqualByComparingTo("120.00");
        assertThat(EventJson.tree(api.get("/api/clinics/" + clinic + "/fee-schedules/in-force?on=" + today.plusDays(10), billing).body())
                .at("/schedule/noShowFee/amount").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(api.post("/api/clinics/" + clinic + "/fee-schedules", "{\"effectiveFrom\": \"" + today.minusDays(1)
                + "\", \"schedule\": " + schedule + "}", billing).status()).isEqualTo(422);

        Instant startsAt = Instant.now().plusSeconds(3600);
        // Scheduling judges lateness by the clinic's notice (24 h here): exactly 24 h before is on time, 24 h − 1 s is late.
        send(SchedulingTopics.APPOINTMENT, event(patient, clinic, new AppointmentCancelled(UUID.randomUUID(), clinic, "iv-infusion", null,
                startsAt, "patient-request", false, startsAt.minusSeconds(24 * 3600), "patient")));
        UUID late = UUID.randomUUID();
        send(SchedulingTopics.APPOINTMENT, event(patient, clinic, new AppointmentCancelled(late, clinic, "iv-infusion", null,
                startsAt, "patient-request", true, startsAt.minusSeconds(24 * 3600 - 1), "patient")));
        // The clinic's own cancellations inside the notice window carry no fee, whether asked or its course closed.
        send(SchedulingTopics.APPOINTMENT, event(patient, clinic, new AppointmentCancelled(UUID.randomUUID(), clinic, "iv-infusion", null,
                startsAt, "clinic-request", true, startsAt.minusSeconds(3600), "clinic")));
        send(SchedulingTopics.APPOINTMENT, event(patient, clinic, new AppointmentCancelled(UUID.randomUUID(), clinic, "iv-infusion", null,
                startsAt, "course-closed", true, startsAt.minusSeconds(3600), null)));
        UUID missed = UUID.randomUUID();
        send(SchedulingTopics.APPOINTMENT, event(patient, clinic, new AppointmentNoShowed(missed, clinic, "iv-infusion", null,
                startsAt.minusSeconds(7200), startsAt.minusSeconds(6300))));
        send(ConsultationsTopics.CONSULTATION, event(patient, clinic, new ConsultationCompleted(UUID.randomUUID(), patient, clinic,
                "recommend-screening")));
        // Priced by the service day, not the day the fact arrives: an appointment on the switch day takes the next version's fee.
        Instant onTheSwitchDay = today.plusDays(10).atTime(10, 0).atZone(DENVER).toInstant();
        send(SchedulingTopics.APPOINTMENT, event(patient, clinic, new AppointmentNoShowed(UUID.randomUUID(), clinic, "iv-infusion", null,
                onTheSwitchDay, onTheSwitchDay.plusSeconds(900))));
        List<JsonNode> charges = awaitCharges(patient, billing, 4);
        assertThat(charges).extracting(c -> c.get("kind").asString() + " " + c.get("amount").decimalValue().setScale(2).toPlainString())
                .containsExactlyInAnyOrder("late-cancel-fee 80.00", "no-show-fee 120.00", "consultation 175.00", "no-show-fee 150.00");
        assertThat(charges).filteredOn(c -> c.get("amount").decimalValue().compareTo(new BigDecimal("150")) == 0)
                .singleElement().satisfies(c -> assertThat(c.get("scheduleVersion").asInt()).isEqualTo(2));
        assertThat(charges.stream().filter(c -> c.get("kind").asString().equals("late-cancel-fee")).findFirst().orElseThrow()
                .get("sourceId").asString()).isEqualTo(late.toString());
    }

    /**
     * A few hundred seeded random steps across two clinics: sessions, fees and consultations on
     * Kafka, packages, drafts, issues, discards, payments, refunds, credit notes, voids, package
     * refunds and expiries over HTTP or the expiry deadline's command. Then every identity holds for
     * every clinic and range, and the sums equal what the test itself tallied of what succeeded.
     */
    @Test
    void everyReconciliationIdentityHoldsAfterHundredsOfSeededRandomEvents() {
        Random random = new Random(20261202L);
        UUID denver = clinic();
        UUID chicago = clinic("America/Chicago");
        List<UUID> clinics = List.of(denver, chicago);
        String billing = TestTokens.staff("billing.recon", "billing", Set.of(denver, chicago));
        Api api = Api.onPort(port);
        List<UUID> patients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            patients.add(UUID.randomUUID());
        }
        BigDecimal expectedPayments = BigDecimal.ZERO;
        BigDecimal expectedRefunds = BigDecimal.ZERO;
        AtomicInteger sessions = new AtomicInteger();
        int steps = 0;
        for (int round = 0; round < 300; round++) {
            UUID patient = patients.get(random.nextInt(patients.size()));
            UUID clinic = clinics.get(random.nextInt(2));
            int kind = random.nextInt(10);
            steps++;
            if (kind <= 3) {
                infusion(patient, clinic, Instant.now().minusSeconds(3600 * (2 + random.nextInt(20))), 20 + random.nextInt(120),
                        String.valueOf(20 + random.nextInt(40)));
                sessions.incrementAndGet();
            } else if (kind == 4) {
                send(SchedulingTopics.APPOINTMENT, event(patient, clinic, new AppointmentNoShowed(UUID.randomUUID(), clinic, "iv-infusion",
                        null, Instant.now().minusSeconds(7200), Instant.now().minusSeconds(6300))));
            } else if (kind == 5) {
                api.post("/api/patients/" + patient + "/packages", "{\"clinicId\": \"" + clinic + "\"}", billing);
            } else if (kind == 6) {
                api.post("/api/patients/" + patient + "/invoices", "{\"clinicId\": \"" + clinic + "\"}", billing);
                for (JsonNode invoice : EventJson.tree(api.get("/api/patients/" + patient + "/invoices", billing).body())) {
                    if (invoice.get("status").asString().equals("draft")) {
                        api.post("/api/invoices/" + invoice.get("invoiceId").asString() + (random.nextInt(5) == 0 ? "/discard" : "/issue"), "{}",
                                billing);
                    }
                }
            } else {
                JsonNode invoice = someIssued(api, patient, billing, random);
                if (invoice == null) {
                    continue;
                }
                String path = "/api/invoices/" + invoice.get("invoiceId").asString();
                BigDecimal balance = invoice.get("balance").decimalValue();
                if (kind == 7 && balance.signum() > 0) {
                    BigDecimal amount = balance.multiply(BigDecimal.valueOf(1 + random.nextInt(100))).divide(BigDecimal.valueOf(100), 2,
                            java.math.RoundingMode.DOWN).max(new BigDecimal("0.01"));
                    Api.Response paid = api.sendKeyed("POST", path + "/payments", "{\"amount\": " + amount + ", \"method\": \"card\"}", billing,
                            UUID.randomUUID().toString());
                    if (paid.status() == 201) {
                        expectedPayments = expectedPayments.add(amount);
                    }
                } else if (kind == 8) {
                    JsonNode full = EventJson.tree(api.get(path, billing).body());
                    if (!full.get("payments").isEmpty()) {
                        JsonNode payment = full.get("payments").get(0);
                        Api.Response refunded = api.sendKeyed("POST", path + "/refunds", "{\"paymentId\": \"" + payment.get("paymentId").asString()
                                + "\", \"amount\": 5.00}", billing, UUID.randomUUID().toString());
                        if (refunded.status() == 201) {
                            expectedRefunds = expectedRefunds.add(new BigDecimal("5.00"));
                        }
                    }
                } else {
                    api.post(path + "/credit-notes", "{\"amount\": 10.00, \"reason\": \"goodwill\"}", billing);
                    for (JsonNode pkg : EventJson.tree(api.get("/api/patients/" + patient + "/packages", billing).body())) {
                        if (pkg.get("status").asString().equals("active") && random.nextBoolean()) {
                            api.post("/api/packages/" + pkg.get("packageId").asString() + "/refund", "{}", billing);
                        }
                    }
                }
            }
        }
        // What the deadlines will do at each package's expiry, done now by the same command the deadline sends.
        jdbc().sql("select package_id, patient_id from package where status = 'active' and patient_id in (:p) limit 3")
                .param("p", patients).query((rs, n) -> new UUID[] {
                rs.getObject("package_id", UUID.class), rs.getObject("patient_id", UUID.class)}).list()
                .forEach(ids -> expire(ids[1], ids[0]));
        int sessionCount = sessions.get();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc().sql("select count(*) from charge where source = 'InfusionAdministered'"
                + " and patient_id in (:p)").param("p", patients).query(Long.class).single() == sessionCount);

        LocalDate from = LocalDate.now(DENVER).minusDays(3);
        LocalDate to = LocalDate.now(DENVER).plusDays(3);
        BigDecimal payments = BigDecimal.ZERO;
        BigDecimal refunds = BigDecimal.ZERO;
        BigDecimal consumed = BigDecimal.ZERO;
        BigDecimal expired = BigDecimal.ZERO;
        BigDecimal refundedCredits = BigDecimal.ZERO;
        BigDecimal open = BigDecimal.ZERO;
        BigDecimal invoiced = BigDecimal.ZERO;
        for (UUID clinic : clinics) {
            Api.Response reconciled = api.get("/api/clinics/" + clinic + "/reconciliation?from=" + from + "&to=" + to, billing);
            assertThat(reconciled.status()).as(reconciled.body()).isEqualTo(200);
            JsonNode report = EventJson.tree(reconciled.body());
            assertThat(report.get("broken").isEmpty()).as(report.toString()).isTrue();
            assertThat(report.get("charges").decimalValue()).isEqualByComparingTo(
                    report.get("invoiced").decimalValue().add(report.get("open").decimalValue()));
            assertThat(report.get("payments").decimalValue().subtract(report.get("refunds").decimalValue()))
                    .isEqualByComparingTo(report.get("cash").decimalValue());
            assertThat(report.get("cashByMethod").valueStream().map(JsonNode::decimalValue).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(report.get("cash").decimalValue());
            assertThat(report.get("creditsSold").decimalValue().subtract(report.get("creditsConsumed").decimalValue())
                    .subtract(report.get("creditsExpired").decimalValue()).subtract(report.get("creditsRefunded").decimalValue()))
                    .isEqualByComparingTo(report.get("outstandingLiability").decimalValue());
            payments = payments.add(report.get("payments").decimalValue());
            refunds = refunds.add(report.get("refunds").decimalValue());
            consumed = consumed.add(report.get("creditsConsumed").decimalValue());
            expired = expired.add(report.get("creditsExpired").decimalValue());
            refundedCredits = refundedCredits.add(report.get("creditsRefunded").decimalValue());
            open = open.add(report.get("open").decimalValue());
            invoiced = invoiced.add(report.get("invoiced").decimalValue());
            JsonNode aging = EventJson.tree(api.get("/api/clinics/" + clinic + "/ar-aging", billing).body());
            for (JsonNode row : aging) {
                assertThat(row.get("days0to30").decimalValue().add(row.get("days31to60").decimalValue()).add(row.get("days61to90").decimalValue())
                        .add(row.get("over90").decimalValue()).add(row.get("creditBalances").decimalValue()))
                        .isEqualByComparingTo(row.get("receivable").decimalValue());
            }
        }
        assertThat(payments).as("payments the test saw accepted").isEqualByComparingTo(expectedPayments);
        assertThat(refunds).as("refunds the test saw accepted").isEqualByComparingTo(expectedRefunds);
        assertThat(steps).isEqualTo(300);
        assertThat(jdbc().sql("select count(*) from invoice where status = 'issued' and patient_id in (:p)").param("p", patients)
                .query(Long.class).single()).as("the random walk issued invoices").isPositive();
        // The seeded walk reaches every kind of figure, so each identity is tested with something on both sides.
        assertThat(List.of(payments, refunds, consumed, expired, refundedCredits, open, invoiced))
                .allSatisfy(figure -> assertThat(figure).isPositive());
        assertThat(jdbc().sql("select count(*) from credit_note where patient_id in (:p)").param("p", patients).query(Long.class).single())
                .isPositive();
    }

    /** Brings a package's expiry deadline forward to now: the deadline manager fires it at the account, as it would at expiry. */
    private void expire(UUID patient, UUID packageId) {
        context.getBean(org.axonframework.deadline.DeadlineManager.class).schedule(Instant.now(), "package-expiry",
                new org.carecourse.billing.account.api.AccountCommands.PackageExpiryDue(packageId, Instant.now()),
                new org.axonframework.modelling.command.AggregateScopeDescriptor("PatientAccount", patient));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc().sql("select status from package where package_id = ?").param(packageId)
                .query(String.class).single().equals("expired"));
    }

    private JsonNode someIssued(Api api, UUID patient, String billing, Random random) {
        List<JsonNode> issued = EventJson.tree(api.get("/api/patients/" + patient + "/invoices", billing).body()).valueStream()
                .filter(i -> i.get("status").asString().equals("issued")).toList();
        return issued.isEmpty() ? null : issued.get(random.nextInt(issued.size()));
    }

    private JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    private long payments(UUID invoice) {
        return jdbc().sql("select count(*) from payment where invoice_id = ?").param(invoice).query(Long.class).single();
    }

    private byte[] pdf(UUID invoice, String billing) throws IOException, InterruptedException {
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/invoices/" + invoice + "/superbill.pdf")).header("Authorization", "Bearer " + billing).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        return pdf.body();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** Drafts the patient's open charges at the clinic and issues the invoice. */
    private UUID issue(UUID patient, UUID clinic, String billing) {
        Api api = Api.onPort(port);
        Api.Response draft = api.post("/api/patients/" + patient + "/invoices", "{\"clinicId\": \"" + clinic + "\"}", billing);
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        UUID invoice = UUID.fromString(EventJson.tree(draft.body()).get("invoiceId").asString());
        Api.Response issued = api.post("/api/invoices/" + invoice + "/issue", "{}", billing);
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        assertThat(EventJson.tree(issued.body()).get("number").asString()).startsWith("INV-");
        return invoice;
    }

    private List<JsonNode> awaitCharges(UUID patient, String billing, int count) {
        Api api = Api.onPort(port);
        return await().atMost(Duration.ofSeconds(30)).until(() -> EventJson.tree(api.get("/api/patients/" + patient + "/charges", billing)
                .body()).valueStream().toList(), charges -> charges.size() >= count);
    }

    /** An IV session at the clinic, started, run for {@code minutes} and completed, as treatment publishes it. Answers the session. */
    private UUID infusion(UUID patient, UUID clinic, Instant start, int minutes, String mg) {
        UUID course = openCourse(patient, clinic, "iv-ketamine");
        UUID session = UUID.randomUUID();
        send(TreatmentTopics.COURSE, event(patient, clinic, new SessionStarted(course, session, "iv-ketamine", new BigDecimal(mg),
                new BigDecimal("0.5"), new BigDecimal("70"), false, start, List.of())));
        send(TreatmentTopics.COURSE, event(patient, clinic, new InfusionAdministered(course, session, start, start.plusSeconds(60L * minutes),
                new BigDecimal(mg), new BigDecimal("0.5"), new BigDecimal("70"))));
        send(TreatmentTopics.COURSE, event(patient, clinic, new SessionCompleted(course, session, start.plusSeconds(60L * minutes + 1800))));
        return session;
    }

    private UUID openCourse(UUID patient, UUID clinic, String modality) {
        UUID course = UUID.randomUUID();
        send(TreatmentTopics.COURSE, event(patient, clinic, new TreatmentCourseOpened(course, modality, 6, 21, UUID.randomUUID(), 18,
                "depression", "phq-9", 18, 24)));
        return course;
    }

    /** A fact as another service publishes it (also used by {@link BillingFaultIT}). */
    static IntegrationEvent<EventPayload> event(UUID patient, UUID clinic, EventPayload payload) {
        return IntegrationEvent.of(UUID.randomUUID(), Instant.now(), patient, clinic, "corr-" + UUID.randomUUID(), "cause",
                new Actor("nurse.it", "nurse"), payload);
    }

    static void send(String topic, IntegrationEvent<?> event) {
        TopicProbe.send(topic, event.partitionKey(), EventJson.write(event));
    }

    private static String billing(UUID clinic) {
        return TestTokens.staff("billing." + clinic, "billing", Set.of(clinic));
    }

    private UUID clinic() {
        return clinic("America/Denver");
    }

    /** A clinic scheduling has announced on its topic; billing keeps its zone. */
    private UUID clinic(String zone) {
        UUID clinic = UUID.randomUUID();
        announce(clinic, zone);
        return clinic;
    }

    private void announce(UUID clinic, String zone) {
        send(SchedulingTopics.CLINIC, IntegrationEvent.of(UUID.randomUUID(), Instant.now(), null, clinic, "c", "c", Actor.system("scheduling"),
                new ClinicRegistered(clinic, "Clinic " + clinic, zone)));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc().sql("select count(*) from clinic where clinic_id = ?").param(clinic)
                .query(Long.class).single() == 1);
    }

    /** A fee schedule body with every fee charged. */
    static final class GoldenSchedule {
        static final String WITH_FEES = """
                {"currency": "USD", "paymentTermsDays": 30, "consultation": {"amount": 175.00, "emCode": "99204"},
                 "ivInfusion": {"amount": 450.00}, "ivAdditionalHour": {"amount": 0.00}, "booster": {"amount": 400.00},
                 "spravatoSession": {"amount": 600.00}, "ketamine": {"ndc": "0409-2051-05", "pricePerMg": 0.00},
                 "esketamine": {"ndc": "50458-028-02", "pricePerMg": 0.00},
                 "inductionPackage": {"price": 2400.00, "credits": 6, "validityDays": 90},
                 "noShowFee": {"amount": 120.00}, "lateCancelFee": {"amount": 80.00}}""";
    }

    @Override
    protected List<String> deadLetteringBindings() {
        return List.of("clinicEvents-in-0", "treatmentEvents-in-0", "schedulingEvents-in-0", "consultationEvents-in-0");
    }

    @Override
    protected String[] documentedPaths() {
        return new String[] {"\"/api/invoices/{invoiceId}/payments\"", "\"/api/clinics/{clinicId}/fee-schedules\"",
                "\"/api/invoices/{invoiceId}/superbill.pdf\"", "\"/api/clinics/{clinicId}/ar-aging\""};
    }

    @Override
    protected List<String> bodyLimitedPaths() {
        return List.of("/api/clinics/" + UUID.randomUUID() + "/fee-schedules", "/api/invoices/" + UUID.randomUUID() + "/payments");
    }

    @Override
    protected List<KeyedWrite> keyedWrites() {
        UUID clinic = clinic();
        String billing = billing(clinic);
        AtomicInteger day = new AtomicInteger(1);
        return List.of(
                new KeyedWrite("POST", () -> new Request("/api/patients/" + UUID.randomUUID() + "/packages", "{\"clinicId\": \"" + clinic
                        + "\"}"), billing),
                new KeyedWrite("PUT", () -> new Request("/api/patients/" + UUID.randomUUID() + "/coverage", "{\"payer\": \"medicare\"}"),
                        billing),
                post("/api/clinics/" + clinic + "/fee-schedules", () -> "{\"effectiveFrom\": \"" + LocalDate.now(DENVER)
                        .plusDays(day.getAndIncrement()) + "\", \"schedule\": " + GoldenSchedule.WITH_FEES + "}", billing));
    }

    @Override
    protected List<BusyRead> busyReads() {
        UUID clinic = clinic();
        String billing = billing(clinic);
        return List.of(new BusyRead("/api/clinics/" + clinic + "/ar-aging", billing),
                new BusyRead("/api/patients/" + UUID.randomUUID() + "/balance", billing));
    }

    @Override
    protected List<HostileCase> hostileCases() {
        UUID clinic = UUID.randomUUID();
        String billing = billing(clinic);
        String fees = "/api/clinics/" + clinic + "/fee-schedules";
        String payments = "/api/invoices/" + UUID.randomUUID() + "/payments";
        String today = "\"" + LocalDate.now(DENVER) + "\"";
        return List.of(
                HostileCase.post("a negative price", fees, "{\"effectiveFrom\": " + today + ", \"schedule\": "
                        + GoldenSchedule.WITH_FEES.replace("\"noShowFee\": {\"amount\": 120.00}", "\"noShowFee\": {\"amount\": -1}") + "}",
                        billing, "schedule.noShowFee.amount"),
                HostileCase.post("a price with three decimals", fees, "{\"effectiveFrom\": " + today + ", \"schedule\": "
                        + GoldenSchedule.WITH_FEES.replace("450.00", "450.005") + "}", billing, "schedule.ivInfusion.amount"),
                HostileCase.post("an NDC of letters", fees, "{\"effectiveFrom\": " + today + ", \"schedule\": "
                        + GoldenSchedule.WITH_FEES.replace("0409-2051-05", "ketamine-please") + "}", billing, "schedule.ketamine.ndc"),
                HostileCase.post("a made-up currency", fees, "{\"effectiveFrom\": " + today + ", \"schedule\": "
                        + GoldenSchedule.WITH_FEES.replace("\"USD\"", "\"dollars\"") + "}", billing, "schedule.currency"),
                HostileCase.post("a zero payment", payments, "{\"amount\": 0, \"method\": \"card\"}", billing, "amount"),
                HostileCase.post("a payment of a fraction of a cent", payments, "{\"amount\": 10.001, \"method\": \"card\"}", billing, "amount"),
                HostileCase.post("a payment of ten million", payments, "{\"amount\": 10000000.00, \"method\": \"card\"}", billing, "amount"),
                HostileCase.post("a 65-character reference", payments, "{\"amount\": 10.00, \"method\": \"card\", \"reference\": \""
                        + "r".repeat(65) + "\"}", billing, "reference"),
                new HostileCase("an unknown payment method", "POST", payments, "{\"amount\": 10.00, \"method\": \"bitcoin\"}", billing, 400,
                        null),
                new HostileCase("a billing profile's NPI of 9 digits", "PUT", "/api/clinics/" + clinic + "/billing-profile",
                        PROFILE.replace("1234567893", "123456789"), billing, 400, "npi"),
                HostileCase.post("a negative refund", "/api/invoices/" + UUID.randomUUID() + "/refunds", "{\"paymentId\": \""
                        + UUID.randomUUID() + "\", \"amount\": -5.00}", billing, "amount"),
                HostileCase.post("a 4,001-character refund reason", "/api/invoices/" + UUID.randomUUID() + "/refunds", "{\"paymentId\": \""
                        + UUID.randomUUID() + "\", \"amount\": 5.00, \"reason\": \"" + "r".repeat(4001) + "\"}", billing, "reason"),
                HostileCase.post("a 4,001-character credit note", "/api/invoices/" + UUID.randomUUID() + "/credit-notes",
                        "{\"amount\": 5.00, \"reason\": \"goodwill\", \"note\": \"" + "n".repeat(4001) + "\"}", billing, "note"),
                new HostileCase("an unknown credit note reason", "POST", "/api/invoices/" + UUID.randomUUID() + "/credit-notes",
                        "{\"amount\": 5.00, \"reason\": \"because\"}", billing, 400, null),
                new HostileCase("an unknown payer", "PUT", "/api/patients/" + UUID.randomUUID() + "/coverage", "{\"payer\": \"uncle\"}",
                        billing, 400, null),
                new HostileCase("a member id with markup", "PUT", "/api/patients/" + UUID.randomUUID() + "/coverage", """
                        {"payer": "commercial", "insured": {"payerName": "Aetna", "memberId": "<b>W1</b>", "insuredName": "L",
                         "insuredDateOfBirth": "1983-02-01", "relationship": "self"}}""", billing, 400, "insured.memberId"),
                new HostileCase("a 201-character insured name", "PUT", "/api/patients/" + UUID.randomUUID() + "/coverage", """
                        {"payer": "commercial", "insured": {"payerName": "Aetna", "memberId": "W1", "insuredName": "%s",
                         "insuredDateOfBirth": "1983-02-01", "relationship": "self"}}""".formatted("n".repeat(201)), billing, 400,
                        "insured.insuredName"),
                HostileCase.post("a package without a clinic", "/api/patients/" + UUID.randomUUID() + "/packages", "{}", billing, "clinicId"),
                HostileCase.post("a draft for a clinic that is not an id", "/api/patients/" + UUID.randomUUID() + "/invoices",
                        "{\"clinicId\": \"denver\"}", billing, null),
                new HostileCase("a billing profile with a 201-character name", "PUT", "/api/clinics/" + clinic + "/billing-profile",
                        PROFILE.replace("CareCourse Denver PLLC", "L".repeat(201)), billing, 400, "legalName"),
                new HostileCase("a nurse publishing fees", "POST", fees, "{\"effectiveFrom\": " + today + ", \"schedule\": "
                        + GoldenSchedule.WITH_FEES + "}", TestTokens.staff("nurse", "nurse", Set.of(clinic)), 403, null));
    }

    @Override
    protected String chainedStream() {
        UUID patient = UUID.randomUUID();
        UUID clinic = clinic();
        Api.Response bought = Api.onPort(port).post("/api/patients/" + patient + "/packages", "{\"clinicId\": \"" + clinic + "\"}",
                billing(clinic));
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        return patient.toString();
    }

}
