package org.carecourse.servicekit.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.carecourse.contracts.Actor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The authenticated staff member behind a request, read from the JWT: user id ({@code sub}),
 * roles ({@code roles}) and the clinics they work at ({@code clinics}).
 */
public record StaffMember(String userId, List<StaffRole> roles, Set<UUID> clinics) {

    public static StaffMember current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            throw new AccessDeniedException("no authenticated staff member");
        }
        return fromJwt(jwt);
    }

    public static StaffMember fromJwt(Jwt jwt) {
        return new StaffMember(jwt.getSubject(), roles(jwt), clinics(jwt));
    }

    static List<StaffRole> roles(Jwt jwt) {
        return list(jwt, "roles").stream()
                .map(StaffRole::fromClaim)
                .flatMap(java.util.Optional::stream)
                .toList();
    }

    private static Set<UUID> clinics(Jwt jwt) {
        try {
            return list(jwt, "clinics").stream().map(UUID::fromString).collect(Collectors.toUnmodifiableSet());
        } catch (IllegalArgumentException e) {
            return Set.of();
        }
    }

    private static Collection<String> list(Jwt jwt, String claim) {
        List<String> values = jwt.getClaimAsStringList(claim);
        return values == null ? List.of() : values;
    }

    public boolean has(StaffRole role) {
        return roles.contains(role);
    }

    /** The role recorded as acting: the first one the token lists. */
    public StaffRole actingRole() {
        return roles.isEmpty() ? null : roles.get(0);
    }

    public Actor actor() {
        StaffRole role = actingRole();
        return new Actor(userId, role == null ? "none" : role.claim());
    }

    /** Whether this member may read data of the clinic: their own clinics, or any clinic as auditor. */
    public boolean canRead(UUID clinicId) {
        return has(StaffRole.AUDITOR) || clinics.contains(clinicId);
    }

    /** Refuses (403) an action at a clinic the member does not work at. Auditors never write. */
    public void requireClinic(UUID clinicId) {
        if (clinicId == null || !clinics.contains(clinicId)) {
            throw new AccessDeniedException("clinic " + clinicId + " is not one of your clinics");
        }
    }

    /** Refuses (403) a read of a clinic's data outside the member's clinics. */
    public void requireReadable(UUID clinicId) {
        if (!canRead(clinicId)) {
            throw new AccessDeniedException("clinic " + clinicId + " is not one of your clinics");
        }
    }
}
