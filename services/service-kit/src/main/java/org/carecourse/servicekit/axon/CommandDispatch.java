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

/**
 * Sends commands with their provenance attached: who (actor and role), where (clinic), and the
 * correlation and causation ids. Every write path goes through here so no event lacks an actor.
 */
public class CommandDispatch {

    private final CommandGateway gateway;
    private final TransactionTemplate transaction;

    public CommandDispatch(CommandGateway gateway, TransactionTemplate transaction) {
        this.gateway = gateway;
        this.transaction = transaction;
    }

    /** A command from a REST request by an authenticated staff member. */
    public <R> R sendAs(StaffMember staff, UUID clinicId, String correlationId, Object command) {
        return sendAs(staff.actor(), clinicId, correlationId, command);
    }

    /** A command from a REST request by any actor, e.g. the public intake form. */
    public <R> R sendAs(Actor actor, UUID clinicId, String correlationId, Object command) {
        if (correlationId != null && !HeaderValues.isVisibleToken(correlationId, FieldLimits.CORRELATION_ID)) {
            throw new InvalidFieldException("X-Correlation-Id",
                    "must be 1 to " + FieldLimits.CORRELATION_ID + " visible ASCII characters");
        }
        String correlation = correlationId != null ? correlationId : UUID.randomUUID().toString();
        return send(command, metadata(actor, clinicId, correlation, correlation));
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
