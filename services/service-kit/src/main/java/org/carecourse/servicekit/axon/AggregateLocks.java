package org.carecourse.servicekit.axon;

import java.util.function.Supplier;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every command sent through {@link CommandDispatch} runs in a transaction that may outlive it (a
 * keyed request's, an inbound event's with its inbox row, or one of its own) and takes a database
 * lock on its aggregate that lasts until that transaction commits. Axon's own lock ends with the
 * command, before the surrounding transaction commits; a second command on the same aggregate
 * would then load it without the first one's uncommitted events and lose the race at commit.
 * With this lock it waits, then loads the aggregate as committed.
 */
public class AggregateLocks implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final ThreadLocal<Boolean> HELD_UNTIL_COMMIT = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private final JdbcClient jdbc;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    public AggregateLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (HELD_UNTIL_COMMIT.get() && TransactionSynchronizationManager.isActualTransactionActive()) {
            String aggregate = target(unitOfWork.getMessage());
            if (aggregate != null) {
                lockUntilCommit(jdbc, aggregate);
            }
        }
        return chain.proceed();
    }

    /**
     * Takes the database lock named {@code name} in the current transaction, waiting for whoever
     * holds it; it is released when the transaction ends. Aggregates are locked by their id; a
     * service may lock what spans aggregates by a name of its own.
     */
    public static void lockUntilCommit(JdbcClient jdbc, String name) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtextextended(?, 0))").param(name).query(Integer.class).single();
    }

    /**
     * Runs a command sent by {@link CommandDispatch} inside its transaction, so the command takes the
     * lock. Commands sent past the dispatcher (e.g. straight through the gateway in tests) run in
     * Axon's own transaction and rely on Axon's lock alone.
     */
    public static <T> T heldUntilCommit(Supplier<T> work) {
        HELD_UNTIL_COMMIT.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            HELD_UNTIL_COMMIT.remove();
        }
    }

    private String target(CommandMessage<?> command) {
        try {
            return targets.resolveTarget(command).getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            // A creating command without a target: a racing duplicate fails as a stream conflict instead.
            return null;
        }
    }
}
