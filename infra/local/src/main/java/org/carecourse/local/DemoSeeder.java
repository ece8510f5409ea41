package org.carecourse.local;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecourse.billing.feeschedule.api.FeeSchedule;
import org.carecourse.screening.protocol.api.ProtocolParameters;
import org.carecourse.treatment.clinical.TreatmentProtocol;

import tools.jackson.databind.json.JsonMapper;

/**
 * Registers the demo clinics through scheduling's API and gives each a first screening and
 * treatment protocol (the published defaults), as an admin would. Both steps are idempotent, so
 * seeding at every start changes nothing the second time.
 */
final class DemoSeeder {

    private static final JsonMapper JSON = DemoApi.JSON;
    private static final String ADMIN = "admin";

    private final DemoApi api;

    DemoSeeder(LocalPorts ports) {
        this.api = new DemoApi(ports);
    }

    void seed() throws InterruptedException {
        for (DemoChain.Clinic clinic : DemoChain.CLINICS) {
            api.call(ADMIN, "PUT", "scheduling", "/api/clinics/" + clinic.id(), Map.of("name", clinic.name(), "timeZone", clinic.timeZone()),
                    202);
            seedChairs(clinic);
            seedScheduling(clinic);
            String protocols = "/api/clinics/" + clinic.id() + "/screening-protocols";
            if (api.call(ADMIN, "GET", "screening", protocols, null, 200).isEmpty()) {
                api.call(ADMIN, "POST", "screening", protocols, DEFAULT_PROTOCOL, 201);
            }
            seedBilling(clinic);
            String treatmentProtocols = "/api/clinics/" + clinic.id() + "/treatment-protocols";
            if (api.call(ADMIN, "GET", "treatment", treatmentProtocols, null, 200).isEmpty()) {
                api.call(ADMIN, "POST", "treatment", treatmentProtocols, DEFAULT_TREATMENT_PROTOCOL, 201);
            }
        }
    }

    /** Each demo clinic's chairs and rooms, under ids derived from clinic and name so every start re-adds the same ones. */
    private void seedChairs(DemoChain.Clinic clinic) {
        for (Map.Entry<String, String> chair : DemoChain.CHAIRS.entrySet()) {
            UUID chairId = UUID.nameUUIDFromBytes((clinic.id() + "/" + chair.getKey()).getBytes(StandardCharsets.UTF_8));
            api.call(ADMIN, "PUT", "scheduling", "/api/clinics/" + clinic.id() + "/chairs/" + chairId, Map.of("name", chair.getKey(),
                    "capabilities", List.of(chair.getValue())), 200);
        }
    }

    /**
     * Opening hours (weekdays 08:00–18:00), the clinicians on shift and the scheduling policy, so a
     * newcomer can search availability and book a series right after start; all idempotent.
     */
    private void seedScheduling(DemoChain.Clinic clinic) {
        String base = "/api/clinics/" + clinic.id();
        List<DayOfWeek> weekdays = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        Map<String, Object> weekly = new LinkedHashMap<>();
        weekdays.forEach(day -> weekly.put(day.name(), List.of(Map.of("opens", "08:00", "closes", "18:00"))));
        api.call(ADMIN, "PUT", "scheduling", base + "/hours", Map.of("weekly", weekly), 200);
        List<Map<String, String>> shifts = weekdays.stream().map(day -> Map.of("day", day.name(), "from", "08:00", "to", "17:00"))
                .toList();
        for (Map.Entry<String, String> clinician : DemoChain.CLINICIANS.entrySet()) {
            UUID staffId = UUID.nameUUIDFromBytes((clinic.id() + "/" + clinician.getKey()).getBytes(StandardCharsets.UTF_8));
            api.call(ADMIN, "PUT", "scheduling", base + "/staff/" + staffId, Map.of("name", clinic.name() + " " + clinician.getKey(),
                    "role", clinician.getValue(), "shifts", shifts), 200);
        }
        api.call(ADMIN, "PUT", "scheduling", base + "/scheduling-policy", Map.of("remsCertified",
                DemoChain.REMS_CERTIFIED.contains(clinic.id()), "patientsPerNurse", 2, "lateCancelNoticeHours", 24,
                "noShowGraceMinutes", 15, "reminderLeadHours", List.of(48, 2)), 200);
    }

    /**
     * The chain's list prices as each clinic's first fee schedule, its billing profile for
     * superbills (demo identifiers), and its reporting region for the dashboards. Billing and
     * operations learn a clinic from scheduling's topic, so the first start waits until they have.
     */
    private void seedBilling(DemoChain.Clinic clinic) throws InterruptedException {
        String base = "/api/clinics/" + clinic.id();
        int digits = Math.abs(clinic.id().hashCode() % 1_000_000);
        api.call(ADMIN, "PUT", "billing", base + "/billing-profile", Map.of("legalName", clinic.name() + " PLLC",
                "npi", "1%09d".formatted(digits), "tin", "84-%07d".formatted(digits), "address", clinic.name() + ", demo address",
                "renderingProvider", Map.of("name", clinic.name() + " Prescriber", "npi", "2%09d".formatted(digits), "credentials", "MD")),
                200);
        untilAnnounced("PUT", "operations", "/api/dashboard/clinics/" + clinic.id() + "/region", Map.of("region", clinic.region()), 200);
        if (!api.call(ADMIN, "GET", "billing", base + "/fee-schedules", null, 200).isEmpty()) {
            return;
        }
        untilAnnounced("POST", "billing", base + "/fee-schedules", Map.of("effectiveFrom",
                LocalDate.now(ZoneId.of(clinic.timeZone())).toString(), "schedule", FeeSchedule.chainDefault()), 200);
    }

    /** A PUT or POST about a clinic, repeated while the service has not yet read the clinic from scheduling's topic (422). */
    private void untilAnnounced(String method, String service, String path, Object body, int expected) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            DemoApi.Answer answer = api.send(ADMIN, method, service, path, body);
            if (answer.status() == expected) {
                return;
            }
            if (answer.status() != 422 || attempt == 60) {
                throw new IllegalStateException("seeding " + service + path + " failed: " + answer.status() + " " + answer.body());
            }
            Thread.sleep(1_000); // the service has not yet read the clinic from scheduling's topic
        }
    }

    /** The published defaults a clinic starts from; admins publish their own versions through the API. */
    private static final String DEFAULT_PROTOCOL = JSON.writeValueAsString(Map.of("parameters", ProtocolParameters.defaults()));
    private static final String DEFAULT_TREATMENT_PROTOCOL = JSON.writeValueAsString(Map.of("protocol", TreatmentProtocol.defaults()));

    /** A token for a demo user from the local issuer (client credentials). */
    String token(String userId) {
        return api.token(userId);
    }
}
