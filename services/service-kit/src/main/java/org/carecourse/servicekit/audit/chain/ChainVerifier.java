package org.carecourse.servicekit.audit.chain;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Verifies a stream: its chain recomputed from the stored events must match the recorded links
 * (an edited byte, a deleted, inserted or moved event breaks it at the first bad position); the
 * stream must still hold what its latest signed checkpoint anchored (a truncated tail, a deleted
 * stream or a chain recomputed after an edit); and every snapshot must equal the fold of its events.
 */
public class ChainVerifier {

    private final JdbcClient jdbc;
    private final StoredEvents rows;
    private final ChainCheckpoints checkpoints;
    private final SnapshotAudit snapshots;

    public ChainVerifier(JdbcClient jdbc, ChainCheckpoints checkpoints, SnapshotAudit snapshots) {
        this.jdbc = jdbc;
        this.rows = new StoredEvents(jdbc);
        this.checkpoints = checkpoints;
        this.snapshots = snapshots;
    }

    public Verification verify(String aggregateIdentifier) {
        List<HashChain.StoredEvent> events = rows.stream(aggregateIdentifier);
        List<Link> links = jdbc.sql("""
                        select sequence_number, event_identifier, link_hash from event_hash_chain
                        where aggregate_identifier = ? order by sequence_number""")
                .param(aggregateIdentifier).query((rs, n) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        Optional<Anchor> anchor = latestAnchor(aggregateIdentifier);
        Long anchoredBy = anchor.map(Anchor::checkpoint).orElse(null);
        String previous = HashChain.GENESIS;
        int length = Math.max(events.size(), links.size());
        for (int position = 0; position < length; position++) {
            if (position >= events.size()) {
                return Verification.broken(aggregateIdentifier, links.size(), anchoredBy, position,
                        "event missing: the chain has a link the store lacks");
            }
            if (position >= links.size()) {
                return Verification.broken(aggregateIdentifier, links.size(), anchoredBy, position,
                        "event without a link: appended outside the chain");
            }
            HashChain.StoredEvent event = events.get(position);
            Link link = links.get(position);
            if (event.sequenceNumber() != position || link.sequence() != position) {
                return Verification.broken(aggregateIdentifier, links.size(), anchoredBy, position,
                        "sequence gap: an event was deleted or moved");
            }
            if (!event.eventIdentifier().equals(link.eventIdentifier())) {
                return Verification.broken(aggregateIdentifier, links.size(), anchoredBy, position,
                        "another event stands at this position");
            }
            String expected = HashChain.link(previous, event);
            if (!expected.equals(link.hash())) {
                return Verification.broken(aggregateIdentifier, links.size(), anchoredBy, position,
                        "the stored event differs from what was linked");
            }
            previous = link.hash();
        }
        if (anchor.isPresent()) {
            Optional<String> problem = against(anchor.get(), links);
            if (problem.isPresent()) {
                int position = (int) Math.min(links.size(), anchor.get().eventCount() - 1);
                return Verification.broken(aggregateIdentifier, links.size(), anchoredBy, position, problem.get());
            }
        }
        List<Long> differing = snapshots.differing(aggregateIdentifier);
        if (!differing.isEmpty()) {
            return Verification.broken(aggregateIdentifier, links.size(), anchoredBy, differing.get(0).intValue(),
                    "the snapshot at this position differs from the fold of its events");
        }
        return Verification.intact(aggregateIdentifier, links.size(), anchoredBy);
    }

    private Optional<String> against(Anchor anchor, List<Link> links) {
        if (checkpoints.signatureHolds(anchor.checkpoint()).filter(holds -> !holds).isPresent()) {
            return Optional.of("checkpoint " + anchor.checkpoint() + " does not carry its signature: altered or forged");
        }
        if (links.isEmpty()) {
            return Optional.of("stream deleted: checkpoint " + anchor.checkpoint() + " anchored " + anchor.eventCount()
                    + " events, the store holds none");
        }
        if (links.size() < anchor.eventCount()) {
            return Optional.of("tail truncated: checkpoint " + anchor.checkpoint() + " anchored " + anchor.eventCount()
                    + " events, the store holds " + links.size());
        }
        if (!links.get((int) anchor.eventCount() - 1).hash().equals(anchor.headLink())) {
            return Optional.of("chain recomputed: the link at position " + (anchor.eventCount() - 1) + " is not the one checkpoint "
                    + anchor.checkpoint() + " anchored, so events up to it were rewritten");
        }
        return Optional.empty();
    }

    private Optional<Anchor> latestAnchor(String aggregateIdentifier) {
        return jdbc.sql("""
                        select checkpoint_no, event_count, head_link from chain_checkpoint_head
                        where aggregate_identifier = ? order by checkpoint_no desc limit 1""")
                .param(aggregateIdentifier).query((rs, n) -> new Anchor(rs.getLong(1), rs.getLong(2), rs.getString(3))).optional();
    }

    /** Every stream the chain or a checkpoint knows: a stream deleted with all its links is still anchored. */
    public List<String> allStreams() {
        return jdbc.sql("""
                        select aggregate_identifier from event_hash_chain
                        union select aggregate_identifier from chain_checkpoint_head order by 1""")
                .query(String.class).list();
    }

    private record Link(long sequence, String eventIdentifier, String hash) {
    }

    private record Anchor(long checkpoint, long eventCount, String headLink) {
    }

    /**
     * The outcome: intact, or broken at the first bad position (0-based sequence number) with what
     * was found there. {@code anchoredBy}: the latest checkpoint holding the stream's head (null
     * while it has not been anchored yet).
     */
    public record Verification(String streamId, boolean intact, int links, Long anchoredBy, Integer firstBadPosition,
            String problem) {

        static Verification intact(String streamId, int links, Long anchoredBy) {
            return new Verification(streamId, true, links, anchoredBy, null, null);
        }

        static Verification broken(String streamId, int links, Long anchoredBy, int position, String problem) {
            return new Verification(streamId, false, links, anchoredBy, position, problem);
        }
    }
}
