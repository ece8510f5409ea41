package org.carecourse.treatment.course.api;

import java.util.UUID;

/** A step of an IV ketamine session; refused for a Spravato session (it would skip the infusion's own steps). */
public interface InfusionSessionCommand {

    UUID sessionId();
}
