package org.carecourse.servicekit.domain;

/**
 * Input that passed bean validation but breaks a domain rule about one field (e.g. the seventh
 * answer of an instrument): mapped to 400 problem+json naming {@link #field()}.
 */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
