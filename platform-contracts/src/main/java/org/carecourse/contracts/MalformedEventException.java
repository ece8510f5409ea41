package org.carecourse.contracts;

/** A record that cannot be an integration event: retried a bounded number of times, then dead-lettered. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
