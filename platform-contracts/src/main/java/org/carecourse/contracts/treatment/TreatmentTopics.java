package org.carecourse.contracts.treatment;

import org.carecourse.contracts.Topics;

/** Topics the treatment context produces. */
public final class TreatmentTopics {

    public static final String COURSE = Topics.name("treatment", "course", 1);

    private TreatmentTopics() {
    }
}
