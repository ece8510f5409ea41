package org.carecourse.treatment.audit;

import java.util.Set;

import org.axonframework.config.ProcessingGroup;
import org.carecourse.servicekit.audit.chain.HashChainLinker;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Chains every course stream (protocol streams are clinic data, not a patient's record). */
@Component
@ProcessingGroup("treatment-hash-chain")
class CourseHashChain extends HashChainLinker {

    CourseHashChain(JdbcClient jdbc) {
        super(jdbc, Set.of("TreatmentCourse"));
    }
}
