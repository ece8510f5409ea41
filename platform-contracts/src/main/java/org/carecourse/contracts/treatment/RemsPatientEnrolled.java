package org.carecourse.contracts.treatment;

import java.time.LocalDate;
import java.util.UUID;

import org.carecourse.contracts.EventPayload;

/**
 * The envelope's patient is enrolled in the Spravato REMS (recorded on their Spravato course on
 * {@code enrolledOn}); a certified clinic may now book and dose Spravato.
 */
public record RemsPatientEnrolled(
        UUID courseId,
        LocalDate enrolledOn) implements EventPayload {
}
