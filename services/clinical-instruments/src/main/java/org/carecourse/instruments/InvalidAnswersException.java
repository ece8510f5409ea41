package org.carecourse.instruments;

import org.carecourse.servicekit.domain.InvalidFieldException;

/** A submission that cannot be scored; names the offending field (e.g. {@code items[8]}). */
public class InvalidAnswersException extends InvalidFieldException {

    public InvalidAnswersException(String field, String message) {
        super(field, message);
    }
}
