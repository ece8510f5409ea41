package org.carecourse.servicekit.axon;

import java.sql.SQLException;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon when an append lost a race: PostgreSQL's unique violation (SQL state 23505), found
 * anywhere in the cause chain or in a batch's chained exceptions. Axon's default JDBC resolver
 * only recognises {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver
 * never throws, so two commands racing for one sequence number ended as a 500 instead of Axon's
 * {@code ConcurrencyException} (409, safe to send again).
 */
public class UniqueViolations implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException chained = sql; chained != null; chained = chained.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(chained.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
