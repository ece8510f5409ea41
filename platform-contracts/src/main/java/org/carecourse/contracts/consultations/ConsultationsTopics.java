package org.carecourse.contracts.consultations;

import org.carecourse.contracts.Topics;

/** Topics the consultations context produces. */
public final class ConsultationsTopics {

    public static final String CONSULTATION = Topics.name("consultations", "consultation", 1);
    public static final String PATIENT = Topics.name("consultations", "patient", 1);

    private ConsultationsTopics() {
    }
}
