package org.carecourse.instruments;

import java.util.stream.IntStream;

/**
 * Exact scoring of the screening instruments. Cut-offs that clinics may set (the PCL-5
 * provisional-PTSD cut-off) come in as parameters; published bands are fixed by the instruments.
 */
public final class InstrumentScoring {

    private InstrumentScoring() {
    }

    public static InstrumentScore score(InstrumentAnswers answers, int pcl5Cutoff) {
        validate(answers);
        return switch (answers.instrument()) {
            case PHQ9 -> phq9(answers);
            case GAD7 -> gad7(answers);
            case PCL5 -> pcl5(answers, pcl5Cutoff);
            case CSSRS -> cssrs(answers);
            case PAIN_NRS -> painNrs(answers);
        };
    }

    /** PHQ-9: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe; item 9 above 0 is a safety concern. */
    static InstrumentScore phq9(InstrumentAnswers answers) {
        int total = sum(answers);
        String band = total >= 20 ? "severe" : total >= 15 ? "moderately-severe" : total >= 10 ? "moderate"
                : total >= 5 ? "mild" : "minimal";
        return new InstrumentScore(Instrument.PHQ9, total, band, answers.item(9) > 0, null, null);
    }

    /** GAD-7: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe. */
    static InstrumentScore gad7(InstrumentAnswers answers) {
        int total = sum(answers);
        String band = total >= 15 ? "severe" : total >= 10 ? "moderate" : total >= 5 ? "mild" : "minimal";
        return new InstrumentScore(Instrument.GAD7, total, band, false, null, null);
    }

    /**
     * PCL-5: total 0–80, provisional PTSD at or above the cut-off; DSM-5 rule with items rated 2
     * or more as endorsed: at least 1 of B (1–5), 1 of C (6–7), 2 of D (8–14) and 2 of E (15–20).
     */
    static InstrumentScore pcl5(InstrumentAnswers answers, int cutoff) {
        int total = sum(answers);
        boolean clusters = endorsed(answers, 1, 5) >= 1 && endorsed(answers, 6, 7) >= 1
                && endorsed(answers, 8, 14) >= 2 && endorsed(answers, 15, 20) >= 2;
        boolean provisional = total >= cutoff;
        return new InstrumentScore(Instrument.PCL5, total, provisional ? "provisional-ptsd" : "below-cutoff", false,
                provisional, clusters);
    }

    /**
     * C-SSRS screener triage: yes to 4 or 5, or behaviour (6) within 3 months, is high risk; yes
     * to 3, or behaviour longer ago, is moderate; yes to 1 or 2 only is low. Moderate and high
     * are safety concerns.
     */
    static InstrumentScore cssrs(InstrumentAnswers answers) {
        boolean recentBehaviour = answers.yes(6) && Boolean.TRUE.equals(answers.behaviourWithinThreeMonths());
        String risk;
        if (answers.yes(4) || answers.yes(5) || recentBehaviour) {
            risk = "high";
        } else if (answers.yes(3) || answers.yes(6)) {
            risk = "moderate";
        } else if (answers.yes(1) || answers.yes(2)) {
            risk = "low";
        } else {
            risk = "none";
        }
        int yes = (int) IntStream.rangeClosed(1, 6).filter(answers::yes).count();
        return new InstrumentScore(Instrument.CSSRS, yes, risk, risk.equals("high") || risk.equals("moderate"), null, null);
    }

    /** Pain NRS: 0 none, 1–3 mild, 4–6 moderate, 7–10 severe (the usual cut points for pain interference). */
    static InstrumentScore painNrs(InstrumentAnswers answers) {
        int rating = answers.item(1);
        String band = rating >= 7 ? "severe" : rating >= 4 ? "moderate" : rating >= 1 ? "mild" : "none";
        return new InstrumentScore(Instrument.PAIN_NRS, rating, band, false, null, null);
    }

    private static void validate(InstrumentAnswers answers) {
        Instrument instrument = answers.instrument();
        if (answers.items().size() != instrument.items()) {
            throw new InvalidAnswersException("items", instrument.code() + " has " + instrument.items()
                    + " items, got " + answers.items().size());
        }
        for (int i = 0; i < instrument.items(); i++) {
            Integer answer = answers.items().get(i);
            boolean mayBeUnasked = instrument == Instrument.CSSRS && i >= 2 && i <= 4;
            if (answer == null && !mayBeUnasked) {
                throw new InvalidAnswersException("items[" + i + "]", "item " + (i + 1) + " must be answered");
            }
            if (answer != null && (answer < 0 || answer > instrument.maxAnswer())) {
                throw new InvalidAnswersException("items[" + i + "]", "item " + (i + 1) + " must be 0 to " + instrument.maxAnswer());
            }
        }
        if (instrument == Instrument.CSSRS) {
            validateCssrsBranching(answers);
        }
    }

    private static void validateCssrsBranching(InstrumentAnswers answers) {
        boolean thoughts = answers.yes(2);
        for (int i = 2; i <= 4; i++) {
            boolean asked = answers.items().get(i) != null;
            if (thoughts && !asked) {
                throw new InvalidAnswersException("items[" + i + "]", "question " + (i + 1) + " must be asked after a yes to question 2");
            }
            if (!thoughts && asked) {
                throw new InvalidAnswersException("items[" + i + "]", "question " + (i + 1) + " is asked only after a yes to question 2");
            }
        }
        if (answers.yes(6) && answers.behaviourWithinThreeMonths() == null) {
            throw new InvalidAnswersException("behaviourWithinThreeMonths", "say whether the behaviour was within the past 3 months");
        }
    }

    private static int sum(InstrumentAnswers answers) {
        return answers.items().stream().mapToInt(Integer::intValue).sum();
    }

    private static long endorsed(InstrumentAnswers answers, int from, int to) {
        return IntStream.rangeClosed(from, to).filter(i -> answers.item(i) >= 2).count();
    }
}
