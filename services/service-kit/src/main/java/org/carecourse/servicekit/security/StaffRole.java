package org.carecourse.servicekit.security;

import java.util.Arrays;
import java.util.Optional;

/** The roles a token may carry in its {@code roles} claim. */
public enum StaffRole {
    FRONT_DESK("front-desk"),
    NURSE("nurse"),
    PRESCRIBER("prescriber"),
    BILLING("billing"),
    OPERATIONS("operations"),
    AUDITOR("auditor"),
    ADMIN("admin");

    private final String claim;

    StaffRole(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    /** The Spring Security authority, e.g. {@code ROLE_front-desk}, as used by {@code hasRole('front-desk')}. */
    public String authority() {
        return "ROLE_" + claim;
    }

    public static Optional<StaffRole> fromClaim(String claim) {
        return Arrays.stream(values()).filter(r -> r.claim.equals(claim)).findFirst();
    }
}
