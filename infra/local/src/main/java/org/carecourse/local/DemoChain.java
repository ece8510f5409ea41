package org.carecourse.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The demo chain seeded by the local platform: three clinics in two time zones and one staff
 * member per role. Each demo user's secret is their user id: for a developer's machine only.
 */
public final class DemoChain {

    public static final Clinic DENVER = new Clinic(UUID.fromString("11111111-1111-4111-8111-111111111111"),
            "CareCourse Denver", "America/Denver", "Front Range");
    public static final Clinic BOULDER = new Clinic(UUID.fromString("22222222-2222-4222-8222-222222222222"),
            "CareCourse Boulder", "America/Denver", "Front Range");
    public static final Clinic CHICAGO = new Clinic(UUID.fromString("33333333-3333-4333-8333-333333333333"),
            "CareCourse Chicago", "America/Chicago", "Midwest");
    public static final List<Clinic> CLINICS = List.of(DENVER, BOULDER, CHICAGO);
    /** The chairs and rooms every demo clinic has, by name, with the one use each serves. */
    public static final Map<String, String> CHAIRS = new LinkedHashMap<>(Map.of(
            "Infusion chair 1", "iv-infusion", "Infusion chair 2", "iv-infusion",
            "Spravato room", "spravato-observation", "Consult room", "consult"));

    /** Who scheduling books at every demo clinic: two nurses and a prescriber, Monday to Friday 08:00–17:00. */
    public static final Map<String, String> CLINICIANS = new LinkedHashMap<>(Map.of(
            "Nurse 1", "nurse", "Nurse 2", "nurse", "Prescriber", "prescriber"));
    /** Clinics certified for Spravato under its REMS; Boulder is not. */
    public static final Set<UUID> REMS_CERTIFIED = Set.of(DENVER.id(), CHICAGO.id());

    public static final List<Staff> STAFF = List.of(
            new Staff("frontdesk.denver", "front-desk", Set.of(DENVER.id())),
            new Staff("frontdesk.boulder", "front-desk", Set.of(BOULDER.id())),
            new Staff("frontdesk.chicago", "front-desk", Set.of(CHICAGO.id())),
            new Staff("nurse.denver", "nurse", Set.of(DENVER.id(), BOULDER.id())),
            new Staff("prescriber.denver", "prescriber", Set.of(DENVER.id(), BOULDER.id())),
            new Staff("nurse.chicago", "nurse", Set.of(CHICAGO.id())),
            new Staff("prescriber.chicago", "prescriber", Set.of(CHICAGO.id())),
            new Staff("billing.denver", "billing", Set.of(DENVER.id(), BOULDER.id())),
            new Staff("billing.chicago", "billing", Set.of(CHICAGO.id())),
            new Staff("ops", "operations", Set.of(DENVER.id(), BOULDER.id(), CHICAGO.id())),
            new Staff("auditor", "auditor", Set.of()),
            new Staff("admin", "admin", Set.of(DENVER.id(), BOULDER.id(), CHICAGO.id())));

    private DemoChain() {
    }

    public static Staff staff(String userId) {
        return STAFF.stream().filter(s -> s.userId().equals(userId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo staff member " + userId));
    }

    /** {@code region}: the region operations reports the clinic under. */
    public record Clinic(UUID id, String name, String timeZone, String region) {
    }

    public record Staff(String userId, String role, Set<UUID> clinics) {
    }
}
