package org.carecourse.operations;

import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.security.StaffRole;

/**
 * Who sees what in operations, decided here only. The chain's figures (the dashboard and the
 * APIs behind it: aggregates and ids, never a patient's name) are for operations staff and admins.
 * A patient's records, names included, are for auditors alone, and operations keeps none of them:
 * the audit pages read them live from the services that own them with the auditor's own token, and
 * those services audit each read.
 */
public final class OperationsAccess {

    private static final String OPERATIONS = "operations";
    private static final String ADMIN = "admin";
    private static final String AUDITOR = "auditor";

    /** For {@code @PreAuthorize} on the figures' pages and APIs. */
    public static final String FIGURES = "hasAnyRole('" + OPERATIONS + "', '" + ADMIN + "')";
    /** For {@code @PreAuthorize} on the pages that show a patient's records. */
    public static final String PATIENT_RECORDS = "hasRole('" + AUDITOR + "')";

    /** The same split for the browser's URLs, so a refusal comes before anything is fetched. */
    public static final String[] FIGURE_ROLES = {OPERATIONS, ADMIN};
    public static final String PATIENT_RECORD_ROLE = AUDITOR;

    private OperationsAccess() {
    }

    /** Where a signed-in person starts: auditors at their patient search, everyone else at the chain's figures. */
    public static String landingFor(StaffMember staff) {
        return staff.has(StaffRole.AUDITOR) ? "/audit" : "/dashboard";
    }
}
