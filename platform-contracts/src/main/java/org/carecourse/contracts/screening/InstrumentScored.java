package org.carecourse.contracts.screening;

import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * A screening instrument was scored. Carries the score, not the item answers, which stay in
 * screening. {@code instrument} is {@code phq-9}, {@code gad-7}, {@code pcl-5} or {@code c-ssrs};
 * {@code band} is the severity band or, for the C-SSRS, the risk level. The two PCL-5 fields are
 * null for other instruments.
 */
public record InstrumentScored(
        UUID caseId,
        UUID submissionId,
        @Size(max = FieldLimits.CODE) String instrument,
        int total,
        @Size(max = FieldLimits.CODE) String band,
        boolean safetyConcern,
        Boolean provisionalPtsd,
        Boolean dsm5ClusterMet) implements EventPayload {
}
