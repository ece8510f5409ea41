package org.carecourse.billing.charge.pricing;

/**
 * National Drug Codes as claims carry them. A package label prints the 10-digit code in one of
 * three segmentations (4-4-2, 5-3-2, 5-4-1); claims and superbills need the 11-digit 5-4-2 form,
 * made by a leading zero on the short segment (0409-2051-05 is billed as 00409-2051-05).
 */
public final class Ndc {

    /** The forms a clinic may enter: a 10-digit label code or the 11-digit billing code. */
    public static final String PATTERN = "\\d{4}-\\d{4}-\\d{2}|\\d{5}-\\d{3}-\\d{2}|\\d{5}-\\d{4}-\\d{1,2}";

    private Ndc() {
    }

    /** The 11-digit 5-4-2 form of a code in any of the accepted forms. */
    public static String billingForm(String ndc) {
        if (ndc == null || !ndc.matches(PATTERN)) {
            throw new IllegalArgumentException("not a 10- or 11-digit NDC: " + ndc);
        }
        String[] segments = ndc.split("-");
        return pad(segments[0], 5) + "-" + pad(segments[1], 4) + "-" + pad(segments[2], 2);
    }

    private static String pad(String segment, int width) {
        return "0".repeat(width - segment.length()) + segment;
    }
}
