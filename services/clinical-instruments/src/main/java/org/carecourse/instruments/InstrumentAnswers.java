package org.carecourse.instruments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Item answers as given, in item order. For the C-SSRS screener each answer is 1 (yes), 0 (no)
 * or null (not asked: questions 3–5 are asked only after a yes to question 2), and
 * {@code behaviourWithinThreeMonths} qualifies a yes to question 6.
 */
public record InstrumentAnswers(Instrument instrument, List<Integer> items, Boolean behaviourWithinThreeMonths) {

    public InstrumentAnswers {
        // Copied without List.copyOf: C-SSRS answers may hold nulls (questions not asked).
        items = items == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(items));
    }

    public static InstrumentAnswers of(Instrument instrument, Integer... items) {
        return new InstrumentAnswers(instrument, Arrays.asList(items), null);
    }

    int item(int oneBased) {
        Integer answer = items.get(oneBased - 1);
        return answer == null ? 0 : answer;
    }

    boolean yes(int oneBased) {
        return item(oneBased) == 1;
    }
}
