package org.carecourse.servicekit.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * An enum with a stable wire code (e.g. {@code bipolar-depression}) distinct from its Java name,
 * so codes in stored events, protocols and APIs survive renames in code.
 */
public interface Coded {

    String code();

    static <E extends Enum<E> & Coded> Optional<E> find(E[] values, String code) {
        return Arrays.stream(values).filter(value -> value.code().equals(code)).findFirst();
    }

    /** The value with the code; an unknown code is refused naming what was expected. */
    static <E extends Enum<E> & Coded> E parse(E[] values, String code, String what) {
        return find(values, code).orElseThrow(() -> new IllegalArgumentException("unknown " + what + ": " + code));
    }
}
