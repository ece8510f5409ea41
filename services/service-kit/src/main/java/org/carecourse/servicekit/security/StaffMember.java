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
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The authenticated staff member behind a request, read from the identity provider's claims: user
 * id ({@code sub}), roles ({@code roles}) and the clinics they work at ({@code clinics}). The
 * claims come from a bearer JWT (APIs) or from the ID token of a browser sign-in (web pages).
 */
public record StaffMember(String userId, List<StaffRole> roles, Set<UUID> clinics) {

    public static StaffMember current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return fromJwt(jwt);
        }
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
            return new StaffMember(user.getSubject(), roles(user), clinics(user));
        }
        throw new AccessDeniedException("no authenticated staff member");
    }

    public static StaffMember fromJwt(Jwt jwt) {
        return new StaffMember(jwt.getSubject(), roles(jwt), clinics(jwt));
    }

    /** The roles a token or ID token lists, as the platform knows them (unknown ones dropped). */
    public static List<StaffRole> roles(ClaimAccessor claims) {
        return list(claims, "roles").stream()
                .map(StaffRole::fromClaim)
                .flatMap(java.util.Optional::stream)
                .toList();
    }

    private static Set<UUID> clinics(ClaimAccessor claims) {
        try {
            return list(claims, "clinics").stream().map(UUID::fromString).collect(Collectors.toUnmodifiableSet());
        } catch (IllegalArgumentException e) {
            return Set.of();
        }
    }

    private static Collection<String> list(ClaimAccessor claims, String claim) {
        List<String> values = claims.getClaimAsStringList(claim);
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
