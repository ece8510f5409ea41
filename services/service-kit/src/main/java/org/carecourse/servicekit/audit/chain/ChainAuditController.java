package org.carecourse.servicekit.audit.chain;

import java.util.Comparator;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Auditors' proof that nothing was altered, for every chained stream of the service. Read-only but for anchoring now. */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasRole('auditor')")
class ChainAuditController {

    private final ChainVerifier verifier;
    private final ChainCheckpoints checkpoints;

    ChainAuditController(ChainVerifier verifier, ChainCheckpoints checkpoints) {
        this.verifier = verifier;
        this.checkpoints = checkpoints;
    }

    @GetMapping("/streams/{streamId}/verification")
    ChainVerifier.Verification verify(@PathVariable String streamId) {
        return verifier.verify(streamId);
    }

    /** Every stream the chain or a checkpoint knows, broken ones first; and the checkpoints' own chain. */
    @GetMapping("/streams/verification")
    Report verifyAll() {
        List<ChainVerifier.Verification> streams = verifier.allStreams().stream().map(verifier::verify)
                .sorted(Comparator.comparing(ChainVerifier.Verification::intact)).toList();
        return new Report(checkpoints.problems(), streams);
    }

    /** Anchors every moved head now (e.g. before an export or an inspection); 204 when nothing moved. */
    @PostMapping("/checkpoints")
    ResponseEntity<ChainCheckpoints.Checkpoint> checkpoint() {
        return checkpoints.write().map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
    }

    record Report(List<String> checkpointProblems, List<ChainVerifier.Verification> streams) {
    }
}
