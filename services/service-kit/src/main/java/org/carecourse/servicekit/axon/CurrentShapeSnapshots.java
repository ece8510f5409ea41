package org.carecourse.servicekit.axon;

import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.AnnotationRevisionResolver;

/**
 * Snapshots of an aggregate's current shape only: those of another {@code @Revision} are skipped
 * and the aggregate is rebuilt from its events instead of being misread. The revision is read from
 * the class, so a new shape can never be filtered by a number written down for an older one.
 */
public final class CurrentShapeSnapshots {

    private CurrentShapeSnapshots() {
    }

    public static SnapshotFilter of(Class<?> aggregate) {
        String revision = new AnnotationRevisionResolver().revisionOf(aggregate);
        if (revision == null) {
            throw new IllegalStateException(aggregate.getName() + " has no @Revision; its snapshots could not be told apart by shape");
        }
        return RevisionSnapshotFilter.builder().type(aggregate).revision(revision).build();
    }
}
