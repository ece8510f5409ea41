package org.carecourse.servicekit.axon;

import java.util.List;

/** Metadata every command and stored event carries (see {@link CommandDispatch}). */
public final class MetadataKeys {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String CLINIC_ID = "clinicId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";

    public static final List<String> ALL = List.of(ACTOR_ID, ACTOR_ROLE, CLINIC_ID, CORRELATION_ID, CAUSATION_ID);

    private MetadataKeys() {
    }
}
