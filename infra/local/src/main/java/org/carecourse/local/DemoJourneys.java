package org.carecourse.local;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.carecourse.treatment.clinical.TreatmentProtocol;

import tools.jackson.databind.JsonNode;

/**
 * Demo data for the dashboards: N synthetic patients (seeded, so a seed gives the same people and
 * choices) walk the journey through the services' own APIs as the demo staff would, spread over
 * the demo clinics: consultation requests, consults, screening (some with a safety alert left
 * open), signed eligibility decisions, courses, bookings in the coming weeks (some cancelled),
 * infusion sessions, invoices and payments; then, following the courses up in real time, discharges
 * after the observation period (30 minutes by the default protocol) and, for a third of the
 * courses, two more sessions and a PHQ-9 outcome at the third (about an hour in).
 * Nothing is written behind a service's back; facts reach operations over Kafka like any other.
 *
 * <p>Sessions run now: the services take their own clock, so a run puts its sessions on today's
 * figures; bookings fall in the weeks ahead; no-shows come from scheduling's own deadline once a
 * booked start passes without a check-in.
 * <p>
 * One script over 300 lines on purpose: the journey reads in the order a patient walks it.
 */
public final class DemoJourneys {

    private static final int THREADS = 6;
    private static final Duration FACT_ARRIVES_WITHIN = Duration.ofSeconds(60);

    private final DemoApi api;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<String> treated = new CopyOnWriteArrayList<>();
    private final List<Course> underObservation = new CopyOnWriteArrayList<>();

    DemoJourneys(LocalPorts ports) {
        this.api = new DemoApi(ports);
    }

    /** Arguments: patients (300), seed (42), minutes to keep following courses up (75; 0 leaves them after their first session). */
    public static void main(String[] args) throws Exception {
        int patients = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42L;
        int followUpMinutes = args.length > 2 ? Integer.parseInt(args[2]) : 75;
        int offset = Integer.getInteger("carecourse.ports.offset", 0);
        DemoJourneys demo = new DemoJourneys(LocalPorts.offset(offset));
        System.out.println("Demo journeys: " + demo.run(patients, seed));
        if (followUpMinutes > 0) {
            System.out.println("Following the courses up for up to " + followUpMinutes + " minutes (discharges after the observation period,"
                    + " further sessions, outcomes); the dashboard updates as they happen. Ctrl-C stops it.");
            int left = demo.followUp(Duration.ofMinutes(followUpMinutes), seed);
            System.out.println("Demo journeys followed up: " + demo.counts() + (left > 0 ? "; " + left + " courses still under way" : ""));
        }
    }

    /** Walks {@code patients} journeys, a few at a time; returns how many reached each step. */
    public Map<String, Integer> run(int patients, long seed) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> journeys = new ArrayList<>();
            for (int i = 0; i < patients; i++) {
                int index = i;
                journeys.add(pool.submit(() -> journey(index, new Random(seed * 1_000_003L + index))));
            }
            for (Future<?> journey : journeys) {
                try {
                    journey.get();
                } catch (ExecutionException e) {
                    count("failed");
                    System.err.println("a demo journey stopped: " + e.getCause().getMessage());
                }
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        return counts();
    }

    /** How many journeys reached each step so far. */
    public Map<String, Integer> counts() {
        Map<String, Integer> done = new TreeMap<>();
        counts.forEach((step, n) -> done.put(step, n.get()));
        return done;
    }

    /** The patients who reached a treatment course, for the auditors' views. */
    List<String> treatedPatients() {
        return List.copyOf(treated);
    }

    /** The staff of a clinic who take each step there. */
    private record Team(DemoChain.Clinic clinic, String frontDesk, String nurse, String prescriber, String billing) {
    }

    private static final List<Team> TEAMS = List.of(
            new Team(DemoChain.DENVER, "frontdesk.denver", "nurse.denver", "prescriber.denver", "billing.denver"),
            new Team(DemoChain.BOULDER, "frontdesk.boulder", "nurse.denver", "prescriber.denver", "billing.denver"),
            new Team(DemoChain.CHICAGO, "frontdesk.chicago", "nurse.chicago", "prescriber.chicago", "billing.chicago"));

    private static final List<String> GIVEN = List.of("Avery", "Jordan", "Riley", "Casey", "Morgan", "Quinn", "Rowan", "Skyler", "Emerson",
            "Finley", "Harper", "Jesse", "Kendall", "Logan", "Parker", "Reese", "Sawyer", "Taylor");
    private static final List<String> FAMILY = List.of("Demo", "Sample", "Example", "Synthetic", "Testwell", "Fictive");
    private static final List<String> CONDITIONS = List.of("depression", "anxiety", "ptsd", "chronic-pain");

    private void journey(int index, Random random) {
        Team team = TEAMS.get(random.nextInt(TEAMS.size()));
        String clinic = team.clinic().id().toString();
        // Synthetic and unique per index, so a second run with another seed finds no likely duplicates of the first.
        Map<String, Object> patient = Map.of("givenName", GIVEN.get(random.nextInt(GIVEN.size())),
                "familyName", FAMILY.get(random.nextInt(FAMILY.size())) + "-" + Integer.toString(Math.abs(random.nextInt()), 36),
                "dateOfBirth", LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28)).toString(),
                "phone", "+1 555 %03d %04d".formatted(random.nextInt(1000), index % 10_000));
        JsonNode created = api.call(team.frontDesk(), "POST", "consultations", "/api/consultations", Map.of("patient", patient,
                "conditions", List.of(CONDITIONS.get(random.nextInt(CONDITIONS.size()))), "preferredClinicId", clinic,
                "confirmNewPatient", true), 201);
        count("requested");
        String patientId = created.get("patientId").asString();
        if (random.nextInt(100) >= 85) {
            return;
        }
        api.call(team.prescriber(), "POST", "consultations", "/api/consultations/" + created.get("consultationId").asString() + "/outcome",
                Map.of("outcome", "recommend-screening"), 200);
        count("consulted");
        if (random.nextInt(100) >= 80) {
            return;
        }
        String caseId = until(() -> {
            JsonNode cases = api.call(team.nurse(), "GET", "screening", "/api/screening-cases?patientId=" + patientId, null, 200);
            return cases.isEmpty() ? null : cases.get(0).get("caseId").asString();
        });
        String screening = "/api/screening-cases/" + caseId;
        boolean alert = random.nextInt(100) < 12;
        JsonNode phq9 = api.call(team.nurse(), "POST", "screening", screening + "/instruments", Map.of("instrument", "phq-9",
                "items", List.of(3, 3, 2, 2, 2, 2, 2, 1, alert ? 1 : 0)), 201);
        if (alert) {
            count("safety-alert");
            if (random.nextInt(100) < 40) {
                count("safety-alert-left-open");
                return;
            }
            api.call(team.nurse(), "POST", "screening", screening + "/instruments", Map.of("instrument", "c-ssrs",
                    "items", Arrays.asList(1, 0, null, null, null, 0)), 201);
            api.call(team.nurse(), "POST", "screening", screening + "/safety-alerts/" + phq9.get("openSafetyAlertId").asString()
                    + "/follow-up", Map.of("safetyPlan", "crisis line, support person, means restriction",
                    "disposition", "continue-screening"), 200);
        }
        boolean eligible = random.nextInt(100) < 80;
        api.call(team.nurse(), "PUT", "screening", screening + "/history", history(eligible), 200);
        api.call(team.prescriber(), "POST", "screening", screening + "/eligibility/decision", Map.of("modality", "iv-ketamine",
                "outcome", eligible ? "eligible" : "ineligible"), 201);
        count(eligible ? "eligible" : "ineligible");
        if (!eligible || random.nextInt(100) >= 85) {
            return;
        }
        String courseId = until(() -> {
            DemoApi.Answer opened = api.send(team.prescriber(), "POST", "treatment", "/api/courses", Map.of("patientId", patientId,
                    "clinicId", clinic, "modality", "iv-ketamine", "indication", "depression"));
            return opened.status() == 201 ? opened.json().get("courseId").asString() : null;
        });
        count("course");
        treated.add(patientId);
        book(team, patientId, random);
        treat(team, courseId, random);
        bill(team, patientId, random);
    }

    /** One to three infusions booked on weekdays of the coming weeks at the first free time; some cancelled again. */
    private void book(Team team, String patientId, Random random) {
        ZoneId zone = ZoneId.of(team.clinic().timeZone());
        LocalDate day = LocalDate.now(zone).plusDays(1 + random.nextInt(14));
        for (int booked = 0, attempts = 0; booked < 1 + random.nextInt(3) && attempts < 6; attempts++, day = day.plusDays(2)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            }
            String search = "/api/availability?patientId=" + patientId + "&type=iv-infusion&clinicId=" + team.clinic().id() + "&from="
                    + day + "&to=" + day + "&limit=1";
            // Scheduling books an infusion once the course has reached it over Kafka (422 until then).
            JsonNode slots = until(() -> {
                DemoApi.Answer found = api.send(team.frontDesk(), "GET", "scheduling", search, null);
                return found.status() == 200 ? found.json() : null;
            });
            if (slots.isEmpty()) {
                continue;
            }
            Instant start = Instant.parse(slots.get(0).get("startsAt").asString());
            DemoApi.Answer appointment = api.send(team.frontDesk(), "POST", "scheduling", "/api/clinics/" + team.clinic().id()
                    + "/appointments", Map.of("patientId", patientId, "type", "iv-infusion", "startsAt", start.toString()));
            if (appointment.status() != 201) {
                continue; // taken meanwhile by another journey: the next day
            }
            booked++;
            count("booked");
            if (random.nextInt(100) < 10) {
                api.call(team.frontDesk(), "POST", "scheduling", "/api/appointments/" + appointment.json().get("appointmentId").asString()
                        + "/cancellation", Map.of("reason", "patient-request"), 200);
                count("cancelled");
            }
        }
    }

    /** A course under treatment: its last session, when that infusion stopped, and how many sessions it gets in this demo. */
    private record Course(Team team, String courseId, String sessionId, Instant stoppedAt, int done, int planned) {
    }

    /** The first infusion now, stopped, its Schedule III record charted; the patient is then under observation. */
    private void treat(Team team, String courseId, Random random) {
        underObservation.add(infuse(new Course(team, courseId, null, null, 0, random.nextInt(100) < 35 ? 3 : 1), random));
    }

    private Course infuse(Course course, Random random) {
        Team team = course.team();
        Map<String, Object> start = new LinkedHashMap<>(Map.of("clinicId", team.clinic().id().toString(),
                "vitals", Map.of("systolic", 118 + random.nextInt(20), "diastolic", 74 + random.nextInt(10), "heartRate", 64 + random.nextInt(20),
                        "spo2", 97), "fastingConfirmed", true, "escortConfirmed", true, "weightKg", 55 + random.nextInt(50),
                "weightMeasuredAt", Instant.now().minus(Duration.ofDays(1)).toString(), "mgPerKg", 0.5));
        if (course.done() > 0) {
            start.put("overrides", Map.of("minimum-spacing", "synthetic demo data: a course's sessions run minutes apart in the demo"));
        }
        String courses = "/api/courses/" + course.courseId();
        JsonNode started = api.call(course.done() == 0 ? team.nurse() : team.prescriber(), "POST", "treatment", courses + "/sessions",
                start, 201);
        String session = courses + "/sessions/" + started.get("sessionId").asString();
        double mg = started.at("/dose/mg").asDouble(30.0);
        api.call(team.nurse(), "POST", "treatment", session + "/stop", Map.of("mgGiven", mg, "reason", "completed"), 200);
        api.call(team.nurse(), "POST", "treatment", session + "/controlled-substance", Map.of("lot", "DEMO-LOT-1", "givenMg", mg,
                "wastedMg", 0, "witness", team.prescriber()), 200);
        count("session");
        return new Course(team, course.courseId(), started.get("sessionId").asString(), Instant.now(), course.done() + 1, course.planned());
    }

    /**
     * A clinic's day in fast-forward, honest to the protocol: each patient is discharged once the
     * protocol's observation period after the infusion has passed; a course planned for three
     * sessions then gets its next one (its spacing overridden by the prescriber, with a reason that
     * names the demo), and after the third a PHQ-9 outcome. Runs until every course is done or
     * {@code within} has passed; returns the courses still under way.
     */
    public int followUp(Duration within, long seed) throws InterruptedException {
        Duration observation = Duration.ofMinutes(TreatmentProtocol.defaults().vitalSigns().dischargeObservationMinutes()).plusSeconds(20);
        Instant giveUp = Instant.now().plus(within);
        Random random = new Random(seed);
        while (!underObservation.isEmpty() && Instant.now().isBefore(giveUp)) {
            for (Course course : List.copyOf(underObservation)) {
                if (Instant.now().isBefore(course.stoppedAt().plus(observation))) {
                    continue;
                }
                underObservation.remove(course);
                api.call(course.team().nurse(), "POST", "treatment", "/api/courses/" + course.courseId() + "/sessions/" + course.sessionId()
                        + "/complete", Map.of("dischargeVitals", Map.of("systolic", 122, "diastolic", 78, "heartRate", 70, "spo2", 98),
                        "escortConfirmed", true), 200);
                count("discharged");
                if (course.done() < course.planned()) {
                    Course next = infuse(course, random);
                    underObservation.add(next);
                    if (next.done() == 3) {
                        recordOutcome(next, random); // the PHQ-9 taken at the third visit
                    }
                }
            }
            TimeUnit.SECONDS.sleep(15); // the demo driver waits out observation periods, as the clinic does
        }
        return underObservation.size();
    }

    private void recordOutcome(Course course, Random random) {
        int score = random.nextInt(100) < 55 ? 4 + random.nextInt(4) : 12 + random.nextInt(8);
        List<Integer> items = new ArrayList<>(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0));
        for (int point = 0; point < score; point++) {
            items.set(point % 8, items.get(point % 8) + 1);
        }
        api.call(course.team().nurse(), "POST", "treatment", "/api/courses/" + course.courseId() + "/outcomes", Map.of("instrument", "phq-9",
                "items", items), 200);
        count("outcome");
    }

    /** Most treated patients are invoiced what they were charged, and half of those pay part or all of it. */
    private void bill(Team team, String patientId, Random random) {
        if (random.nextInt(100) >= 70) {
            return;
        }
        until(() -> api.call(team.billing(), "GET", "billing", "/api/patients/" + patientId + "/charges", null, 200).isEmpty() ? null : "");
        DemoApi.Answer draft = api.send(team.billing(), "POST", "billing", "/api/patients/" + patientId + "/invoices",
                Map.of("clinicId", team.clinic().id().toString()));
        if (draft.status() != 201) {
            return;
        }
        String invoice = "/api/invoices/" + draft.json().get("invoiceId").asString();
        JsonNode issued = api.call(team.billing(), "POST", "billing", invoice + "/issue", Map.of(), 200);
        count("invoiced");
        double total = issued.at("/balance").asDouble(0.0);
        if (total > 0 && random.nextBoolean()) {
            double paid = Math.max(0.01, Math.round(total * (random.nextBoolean() ? 1.0 : 0.5) * 100.0) / 100.0);
            DemoApi.Answer payment = api.send(team.billing(), "POST", "billing", invoice + "/payments", Map.of("amount", paid,
                    "method", random.nextBoolean() ? "card" : "cash"), UUID.randomUUID().toString());
            if (payment.status() == 201) {
                count("paid");
            }
        }
    }

    private static Map<String, Object> history(boolean eligible) {
        return Map.of("conditions", List.of(), "medications", List.of(),
                "vitals", Map.of("systolic", 124, "diastolic", 80, "heartRate", 70, "spo2", 98, "weightKg", 70.0, "heightCm", 170,
                        "measuredAt", Instant.now().minus(Duration.ofDays(2)).toString()),
                "pregnancy", "not-pregnant", "activeSubstanceUseDisorder", !eligible,
                "antidepressantTrials", List.of(Map.of("drug", "sertraline", "adequateDose", true, "weeks", 10, "response", "none"),
                        Map.of("drug", "bupropion", "adequateDose", true, "weeks", 8, "response", "partial")));
    }

    /** Repeats until the answer is there: a fact another service publishes reaches this one over Kafka within seconds. */
    private static <T> T until(Supplier<T> attempt) {
        Instant giveUp = Instant.now().plus(FACT_ARRIVES_WITHIN);
        while (true) {
            T value = attempt.get();
            if (value != null) {
                return value;
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("a fact did not arrive within " + FACT_ARRIVES_WITHIN);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(250); // waiting for another service's event, as a client would
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void count(String step) {
        counts.computeIfAbsent(step, k -> new AtomicInteger()).incrementAndGet();
    }
}
