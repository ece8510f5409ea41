package org.carecourse.screening.instrument;

/** A submission that cannot be scored; names the offending field (e.g. {@code items[8]}). */
public class InvalidAnswersException extends RuntimeException {

    private final String field;

    public InvalidAnswersException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
