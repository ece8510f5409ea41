package org.carecourse.screening.screeningcase.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Case ids derived from what opened them, so the same consultation can never open two cases. */
public final class ScreeningCaseIds {

    private ScreeningCaseIds() {
    }

    public static UUID forConsultation(UUID consultationId) {
        return UUID.nameUUIDFromBytes(("screening-case:" + consultationId).getBytes(StandardCharsets.UTF_8));
    }
}
