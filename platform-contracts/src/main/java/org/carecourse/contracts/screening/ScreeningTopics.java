package org.carecourse.contracts.screening;

import org.carecourse.contracts.Topics;

/** Topics the screening context produces. */
public final class ScreeningTopics {

    public static final String SCREENING_CASE = Topics.name("screening", "screening-case", 1);

    private ScreeningTopics() {
    }
}
