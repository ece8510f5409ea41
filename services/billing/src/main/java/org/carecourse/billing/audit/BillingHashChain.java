package org.carecourse.billing.audit;

import java.util.Set;

import org.axonframework.config.ProcessingGroup;
import org.carecourse.servicekit.audit.chain.HashChainLinker;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every account and invoice stream is hash-chained as it is appended: a rewritten payment or a deleted charge shows. */
@Component
@ProcessingGroup("billing-hash-chain")
class BillingHashChain extends HashChainLinker {

    BillingHashChain(JdbcClient jdbc) {
        super(jdbc, Set.of("PatientAccount", "Invoice"));
    }
}
