package org.carecourse.treatment.course.api;

import java.util.UUID;

/** A step of a Spravato session; refused for an IV infusion session. */
public interface SpravatoSessionCommand {

    UUID sessionId();
}
