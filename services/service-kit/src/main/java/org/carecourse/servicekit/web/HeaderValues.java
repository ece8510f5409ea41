package org.carecourse.servicekit.web;

/** Checks for the identifiers clients send in headers (idempotency keys, correlation ids). */
public final class HeaderValues {

    private HeaderValues() {
    }

    /** True when the value is 1 to {@code maxLength} visible ASCII characters (no spaces or controls). */
    public static boolean isVisibleToken(String value, int maxLength) {
        return !value.isEmpty() && value.length() <= maxLength && value.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
