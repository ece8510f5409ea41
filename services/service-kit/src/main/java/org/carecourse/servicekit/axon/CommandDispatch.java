package org.carecourse.servicekit.axon;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.carecourse.contracts.Actor;
import org.carecourse.contracts.FieldLimits;
import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.servicekit.domain.InvalidFieldException;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.web.HeaderValues;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sends commands with their provenance attached: who (actor and role), where (clinic), and the
 * correlation and causation ids. Every write path goes through here so no event lacks an actor.
 */
public class CommandDispatch {

    /** The header a caller correlates its requests by, carried into every event they cause. */
    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    private final CommandGateway gateway;
    private final TransactionTemplate transaction;

    public CommandDispatch(CommandGateway gateway, TransactionTemplate transaction) {
        this.gateway = gateway;
        this.transaction = transaction;
    }

    /**
     * A command from a REST request by an authenticated staff member, correlated by the request's
     * {@value #CORRELATION_HEADER} when the caller sent one (a new id otherwise).
     */
    public <R> R sendAs(StaffMember staff, UUID clinicId, Object command) {
        return sendAs(staff.actor(), clinicId, null, command);
    }

    /**
     * A command by any actor, e.g. the public intake form or a scheduled job. Without an explicit
     * {@code correlationId} it takes the current request's {@value #CORRELATION_HEADER}, if it runs
     * on a request that sent one, so no controller has to read the header itself; a malformed one is
     * 400 naming the header, and nothing is sent.
     */
    public <R> R sendAs(Actor actor, UUID clinicId, String correlationId, Object command) {
        String requested = correlationId != null ? correlationId : currentRequestsCorrelationId();
        if (requested != null && !HeaderValues.isVisibleToken(requested, FieldLimits.CORRELATION_ID)) {
            throw new InvalidFieldException(CORRELATION_HEADER,
                    "must be 1 to " + FieldLimits.CORRELATION_ID + " visible ASCII characters");
        }
        String correlation = requested != null ? requested : UUID.randomUUID().toString();
        return send(command, metadata(actor, clinicId, correlation, correlation));
    }

    private static String currentRequestsCorrelationId() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getHeader(CORRELATION_HEADER) : null;
    }

    /** A command caused by an integration event received from another service. */
    public <R> R sendFor(IntegrationEvent<?> cause, Actor actor, UUID clinicId, Object command) {
        return send(command, metadata(actor, clinicId, cause.correlationId(), cause.eventId().toString()));
    }

    /**
     * Every command runs in a transaction that holds its aggregate's database lock until the
     * transaction commits (joining the surrounding one of a keyed request or an inbound event).
     * A command that took Axon's in-memory lock alone could load the aggregate while a keyed
     * request's command on it was stored but not yet committed, and fail on the duplicate
     * sequence number (found by 64 nurses submitting to one screening case at once).
     */
    private <R> R send(Object command, Map<String, String> metadata) {
        return transaction.execute(status -> AggregateLocks.heldUntilCommit(() ->
                gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(metadata)))));
    }

    private static Map<String, String> metadata(Actor actor, UUID clinicId, String correlationId, String causationId) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put(MetadataKeys.ACTOR_ID, actor.userId());
        metadata.put(MetadataKeys.ACTOR_ROLE, actor.role());
        metadata.put(MetadataKeys.CORRELATION_ID, correlationId);
        metadata.put(MetadataKeys.CAUSATION_ID, causationId);
        if (clinicId != null) {
            metadata.put(MetadataKeys.CLINIC_ID, clinicId.toString());
        }
        return metadata;
    }
}
