package org.carecourse.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.carecourse.local.DemoChain;
import org.carecourse.local.LocalPlatform;

/**
 * The requests a benchmark sends, made the way staff make them: through the services' APIs with
 * the demo users' real tokens, never written behind a service's back.
 */
final class Journeys {

    static final String DENVER = DemoChain.DENVER.id().toString();

    private final LocalPlatform platform;
    final String frontDesk;
    final String nurse;
    final String prescriber;

    Journeys(LocalPlatform platform) throws Exception {
        this.platform = platform;
        this.frontDesk = platform.token("frontdesk.denver");
        this.nurse = platform.token("nurse.denver");
        this.prescriber = platform.token("prescriber.denver");
    }

    String url(String service, String path) {
        return "http://localhost:" + platform.ports().service(service) + path;
    }

    /** A consultation request for a patient nobody has seen before (a new aggregate, and a new patient). */
    static String newPatientRequest() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return """
                {"patient": {"givenName": "Bench", "familyName": "Patient-%s", "dateOfBirth": "19%02d-%02d-%02d",
                             "phone": "+1 303 555 %04d"},
                 "conditions": ["depression"], "preferredClinicId": "%s"}""".formatted(UUID.randomUUID(),
                random.nextInt(40, 99), random.nextInt(1, 13), random.nextInt(1, 29), random.nextInt(10_000), DENVER);
    }

    Http.Response requestConsultation() throws Exception {
        return Http.post(url("consultations", "/api/consultations"), frontDesk, newPatientRequest());
    }

    /** A PHQ-9 recorded on an open course (a command on an existing aggregate), item 9 always 0. */
    Http.Response recordOutcome(String courseId, long sequence) throws Exception {
        return Http.post(outcomeUrl(courseId), nurse, outcomeBody(sequence));
    }

    String outcomeUrl(String courseId) {
        return url("treatment", "/api/courses/" + courseId + "/outcomes");
    }

    /** A PHQ-9's items totalling {@code sequence % 25}, item 9 (self-harm) always 0. */
    static String outcomeBody(long sequence) {
        int left = (int) (sequence % 25);
        List<Integer> items = new ArrayList<>();
        for (int item = 1; item <= 8; item++) {
            items.add(Math.min(3, left));
            left -= items.get(items.size() - 1);
        }
        items.add(0);
        return "{\"instrument\": \"phq-9\", \"items\": " + items + "}";
    }

    /** Courses opened the whole way a clinic opens them: request, screening, signed decision, course. */
    List<String> openCourses(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 8));
        List<Future<String>> courses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            courses.add(pool.submit(this::openCourse));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> course : courses) {
            ids.add(course.get());
        }
        pool.shutdown();
        return ids;
    }

    private String openCourse() throws Exception {
        Http.Response requested = Http.expect(201, requestConsultation(), "consultation request");
        String patient = requested.field("patientId");
        Http.expect(200, Http.post(url("consultations", "/api/consultations/" + requested.field("consultationId") + "/outcome"),
                prescriber, "{\"outcome\": \"recommend-screening\"}"), "consultation outcome");
        String caseId = until(Duration.ofSeconds(60), () -> {
            Http.Response cases = Http.get(url("screening", "/api/screening-cases?patientId=" + patient), nurse);
            return cases.ok() && !cases.json().isEmpty() ? cases.json().get(0).get("caseId").asString() : null;
        });
        String screeningCase = url("screening", "/api/screening-cases/" + caseId);
        Http.expect(201, Http.post(screeningCase + "/instruments", nurse,
                "{\"instrument\": \"phq-9\", \"items\": [3,3,2,2,2,2,2,1,0]}"), "PHQ-9");
        Http.expect(201, Http.post(screeningCase + "/instruments", nurse,
                "{\"instrument\": \"c-ssrs\", \"items\": [0,0,null,null,null,0]}"), "C-SSRS");
        Http.expect(200, Http.send("PUT", screeningCase + "/history", nurse, """
                {"conditions": [], "medications": [],
                 "vitals": {"systolic": 126, "diastolic": 80, "heartRate": 70, "spo2": 98, "weightKg": 64, "heightCm": 165,
                            "measuredAt": "2026-11-01T15:00:00Z"},
                 "pregnancy": "not-pregnant", "activeSubstanceUseDisorder": false,
                 "antidepressantTrials": [{"drug": "sertraline", "adequateDose": true, "weeks": 10, "response": "none"},
                                          {"drug": "bupropion", "adequateDose": true, "weeks": 8, "response": "partial"}]}"""),
                "history");
        Http.expect(200, Http.post(screeningCase + "/eligibility/proposal", prescriber, "{\"modality\": \"iv-ketamine\"}"),
                "eligibility proposal");
        // Screening dates the decision in the clinic's zone: until the clinic directory reaches it, 422 unknown-clinic.
        until(Duration.ofSeconds(60), () -> {
            Http.Response signed = Http.post(screeningCase + "/eligibility/decision", prescriber,
                    "{\"modality\": \"iv-ketamine\", \"outcome\": \"eligible\"}");
            if (signed.status() == 422 && signed.body().contains("unknown-clinic")) {
                return null;
            }
            return Http.expect(201, signed, "eligibility decision");
        });
        String open = """
                {"patientId": "%s", "clinicId": "%s", "modality": "iv-ketamine", "indication": "depression"}""".formatted(patient, DENVER);
        return until(Duration.ofSeconds(60), () -> {
            Http.Response opened = Http.post(url("treatment", "/api/courses"), prescriber, open);
            return opened.status() == 201 ? opened.field("courseId") : null;
        });
    }

    @FunctionalInterface
    interface Attempt<T> {
        T get() throws Exception;
    }

    /** Retries an attempt until it yields a value (an event still on its way between services). */
    static <T> T until(Duration patience, Attempt<T> attempt) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = 5;
        while (true) {
            T value = attempt.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up after " + patience);
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 200);
        }
    }
}
