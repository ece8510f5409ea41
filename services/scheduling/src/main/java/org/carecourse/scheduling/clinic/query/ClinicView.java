package org.carecourse.scheduling.clinic.query;

import java.util.UUID;

public record ClinicView(UUID clinicId, String name, String timeZone) {
}
