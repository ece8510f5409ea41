package org.carecourse.screening.audit;

import java.util.Set;

import org.axonframework.config.ProcessingGroup;
import org.carecourse.servicekit.audit.chain.HashChainLinker;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Chains every screening case stream, as treatment chains courses: the scores, alerts and signed
 * decisions a course is opened from are tamper-evident too. Verified at /api/audit/streams.
 */
@Component
@ProcessingGroup("screening-hash-chain")
class ScreeningCaseHashChain extends HashChainLinker {

    ScreeningCaseHashChain(JdbcClient jdbc) {
        super(jdbc, Set.of("ScreeningCase"));
    }
}
