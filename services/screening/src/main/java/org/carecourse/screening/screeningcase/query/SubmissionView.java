package org.carecourse.screening.screeningcase.query;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** One instrument submission with every item answer: clinical data for clinicians and auditors. */
public record SubmissionView(UUID submissionId, String instrument, JsonNode answers, int total, String band,
        boolean safetyConcern, Boolean provisionalPtsd, Boolean dsm5ClusterMet, Instant submittedAt, String submittedBy) {
}
