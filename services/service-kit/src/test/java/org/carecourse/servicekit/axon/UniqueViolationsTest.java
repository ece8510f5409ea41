package org.carecourse.servicekit.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class UniqueViolationsTest {

    private final UniqueViolations resolver = new UniqueViolations();

    @Test
    void aUniqueViolationChainedBehindABatchFailureIsADuplicateKey() {
        BatchUpdateException batch = new BatchUpdateException("batch entry 0 was aborted", "23505", 0, new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));
        RuntimeException wrapped = new IllegalStateException("append failed", batch);

        assertThat(resolver.isDuplicateKeyViolation(wrapped)).isTrue();
    }

    @Test
    void aUniqueViolationOnlyInTheNextExceptionIsFound() {
        SQLException batch = new SQLException("batch aborted", "HY000");
        batch.setNextException(new SQLException("duplicate key", "23505"));

        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(batch))).isTrue();
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(new SQLException("connection lost", "08006")))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("no SQL at all"))).isFalse();
    }
}
