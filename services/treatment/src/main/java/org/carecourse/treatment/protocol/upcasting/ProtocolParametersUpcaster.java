package org.carecourse.treatment.protocol.upcasting;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Protocols published, and courses opened, before the protocol carried the pre-start vitals age,
 * the Spravato post-dose check window and the adverse-event reporting period are read with the
 * published defaults for those parameters: the rules did not exist then, so no clinic had set them.
 * Every parameter the stored protocol does hold is kept as it was.
 */
@Component
@Order(2)
public class ProtocolParametersUpcaster extends ProtocolUpcaster {

    private static final JsonNode DEFAULTS = ProtocolGroupsUpcaster.flatDefaults();

    public ProtocolParametersUpcaster() {
        super("3", "4", "1", "2");
    }

    @Override
    ObjectNode rewrite(ObjectNode protocol) {
        DEFAULTS.properties().forEach(parameter -> {
            if (!protocol.has(parameter.getKey())) {
                protocol.set(parameter.getKey(), parameter.getValue());
            }
        });
        return protocol;
    }
}
