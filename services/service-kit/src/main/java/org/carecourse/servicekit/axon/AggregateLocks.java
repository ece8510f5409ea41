package org.carecourse.servicekit.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * When a command runs inside a longer transaction (a keyed request, see the idempotency filter),
 * it takes a database lock on its aggregate that lasts until that transaction commits. Axon's
 * own lock ends with the command, before the surrounding transaction commits; a second command
 * on the same aggregate would then load it without the first one's uncommitted events and lose
 * the race at commit. With this lock it waits, then loads the aggregate as committed.
 */
public class AggregateLocks implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final JdbcClient jdbc;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    public AggregateLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            String aggregate = target(unitOfWork.getMessage());
            if (aggregate != null) {
                jdbc.sql("select 1 from pg_advisory_xact_lock(hashtextextended(?, 0))").param(aggregate)
                        .query(Integer.class).single();
            }
        }
        return chain.proceed();
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
