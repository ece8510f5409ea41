package org.carecourse.servicekit.audit.chain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Anchors the chains' heads: a checkpoint records, for every stream whose head moved since it was
 * last anchored, its event count and head link, signed with a key outside the database together
 * with the previous checkpoint's signature. Verification then compares each stream with its latest
 * anchor, so a truncated tail, a deleted stream or a chain recomputed after an edit all show, which
 * a chain alone cannot prove to someone who can rewrite both events and links. Written on a
 * schedule ({@code carecourse.audit.checkpoint-interval}, default 10 min) and on demand; each
 * checkpoint's number and signature are also logged, so they are kept outside the database too.
 */
public class ChainCheckpoints {

    private static final Logger LOG = LoggerFactory.getLogger(ChainCheckpoints.class);
    /** One checkpoint writer at a time, across every instance of the service. */
    private static final long WRITER_LOCK = 0x636b7074L;

    private final JdbcClient jdbc;
    private final CheckpointKey key;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public ChainCheckpoints(JdbcClient jdbc, CheckpointKey key, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.key = key;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${carecourse.audit.checkpoint-interval:PT10M}",
            initialDelayString = "${carecourse.audit.checkpoint-interval:PT10M}")
    void onSchedule() {
        write();
    }

    /** Writes a checkpoint of every stream whose head moved since its last anchor; none if nothing moved. */
    public Optional<Checkpoint> write() {
        return transactions.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(WRITER_LOCK).query(Object.class).single();
            List<Head> moved = jdbc.sql("""
                            select h.aggregate_identifier, h.aggregate_type, h.sequence_number + 1 as event_count, h.link_hash
                            from (select distinct on (aggregate_identifier) aggregate_identifier, aggregate_type, sequence_number,
                                         link_hash
                                  from event_hash_chain order by aggregate_identifier, sequence_number desc) h
                            left join lateral (select a.event_count, a.head_link from chain_checkpoint_head a
                                               where a.aggregate_identifier = h.aggregate_identifier
                                               order by a.checkpoint_no desc limit 1) last on true
                            where last.event_count is distinct from h.sequence_number + 1
                               or last.head_link is distinct from h.link_hash
                            order by h.aggregate_identifier""")
                    .query((rs, n) -> new Head(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4))).list();
            if (moved.isEmpty()) {
                return Optional.<Checkpoint>empty();
            }
            Optional<Checkpoint> previous = latest();
            long number = previous.map(c -> c.number() + 1).orElse(1L);
            // PostgreSQL keeps microseconds: sign what will be read back.
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            String previousSignature = previous.map(Checkpoint::signature).orElse(null);
            String signature = key.sign(canonical(number, at, previousSignature, key.id(), moved));
            jdbc.sql("""
                            insert into chain_checkpoint (checkpoint_no, written_at, streams, previous_signature, signature, key_id)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(number, Timestamp.from(at), moved.size(), previousSignature, signature, key.id()).update();
            for (Head head : moved) {
                jdbc.sql("""
                                insert into chain_checkpoint_head (checkpoint_no, aggregate_identifier, aggregate_type, event_count,
                                    head_link) values (?, ?, ?, ?, ?)""")
                        .params(number, head.aggregateIdentifier(), head.aggregateType(), head.eventCount(), head.headLink()).update();
            }
            LOG.info("audit checkpoint {} anchors {} streams, signature {} (key {})", number, moved.size(), signature, key.id());
            return Optional.of(new Checkpoint(number, at, moved.size(), previousSignature, signature, key.id()));
        });
    }

    public Optional<Checkpoint> latest() {
        return jdbc.sql("select * from chain_checkpoint order by checkpoint_no desc limit 1").query(ChainCheckpoints::checkpoint)
                .optional();
    }

    /**
     * Whether a checkpoint's stored rows still carry its signature: an edited or inserted head, an
     * edited time or a forged checkpoint fails. Empty if it was signed with another key (rotated),
     * which cannot be judged here.
     */
    Optional<Boolean> signatureHolds(long number) {
        Checkpoint checkpoint = jdbc.sql("select * from chain_checkpoint where checkpoint_no = ?").param(number)
                .query(ChainCheckpoints::checkpoint).single();
        if (!checkpoint.keyId().equals(key.id())) {
            return Optional.empty();
        }
        List<Head> heads = jdbc.sql("""
                        select aggregate_identifier, aggregate_type, event_count, head_link from chain_checkpoint_head
                        where checkpoint_no = ? order by aggregate_identifier""")
                .param(number).query((rs, n) -> new Head(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4))).list();
        String expected = key.sign(canonical(number, checkpoint.writtenAt(), checkpoint.previousSignature(), checkpoint.keyId(), heads));
        return Optional.of(heads.size() == checkpoint.streams() && expected.equals(checkpoint.signature()));
    }

    /** The checkpoints as a chain: numbered without gaps, each signed over its predecessor's signature, each signature holding. */
    public List<String> problems() {
        List<Checkpoint> all = jdbc.sql("select * from chain_checkpoint order by checkpoint_no").query(ChainCheckpoints::checkpoint).list();
        List<String> problems = new ArrayList<>();
        Checkpoint before = null;
        for (Checkpoint checkpoint : all) {
            if (checkpoint.number() != (before == null ? 1 : before.number() + 1)) {
                problems.add("checkpoint " + checkpoint.number() + " follows " + (before == null ? "nothing" : before.number())
                        + ": checkpoints were deleted");
            } else if (before != null && !before.signature().equals(checkpoint.previousSignature())) {
                problems.add("checkpoint " + checkpoint.number() + " does not sign over checkpoint " + before.number());
            }
            if (signatureHolds(checkpoint.number()).filter(holds -> !holds).isPresent()) {
                problems.add("checkpoint " + checkpoint.number() + " does not carry its signature: altered or forged");
            }
            before = checkpoint;
        }
        return problems;
    }

    static String canonical(long number, Instant at, String previousSignature, String keyId, List<Head> heads) {
        return "checkpoint " + number + "\n" + at + "\n" + (previousSignature == null ? "-" : previousSignature) + "\n" + keyId + "\n"
                + heads.stream().map(h -> h.aggregateType() + " " + h.aggregateIdentifier() + " " + h.eventCount() + " " + h.headLink())
                        .collect(Collectors.joining("\n"));
    }

    private static Checkpoint checkpoint(ResultSet rs, int n) throws SQLException {
        return new Checkpoint(rs.getLong("checkpoint_no"), rs.getTimestamp("written_at").toInstant(), rs.getInt("streams"),
                rs.getString("previous_signature"), rs.getString("signature"), rs.getString("key_id"));
    }

    public record Checkpoint(long number, Instant writtenAt, int streams, String previousSignature, String signature, String keyId) {
    }

    record Head(String aggregateIdentifier, String aggregateType, long eventCount, String headLink) {
    }
}
