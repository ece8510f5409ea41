package org.carecourse.treatment.audit;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recomputes a course's chain from the stored events and compares it with the recorded links:
 * an edited byte, a deleted or inserted event, or a reordering breaks it at the first bad
 * position.
 */
@Component
public class ChainVerifier {

    private final JdbcClient jdbc;
    private final CourseEventRows rows;

    ChainVerifier(JdbcClient jdbc, CourseEventRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    public Verification verify(String courseId) {
        List<HashChain.StoredEvent> events = rows.stream(courseId);
        List<Link> links = jdbc.sql("""
                        select sequence_number, event_identifier, link_hash from course_hash_chain
                        where aggregate_identifier = ? order by sequence_number""")
                .param(courseId).query((rs, n) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        String previous = HashChain.GENESIS;
        int length = Math.max(events.size(), links.size());
        for (int position = 0; position < length; position++) {
            if (position >= events.size()) {
                return Verification.broken(courseId, links.size(), position, "event missing: the chain has a link the store lacks");
            }
            if (position >= links.size()) {
                return Verification.broken(courseId, links.size(), position, "event without a link: appended outside the chain");
            }
            HashChain.StoredEvent event = events.get(position);
            Link link = links.get(position);
            if (event.sequenceNumber() != position || link.sequence() != position) {
                return Verification.broken(courseId, links.size(), position, "sequence gap: an event was deleted or moved");
            }
            if (!event.eventIdentifier().equals(link.eventIdentifier())) {
                return Verification.broken(courseId, links.size(), position, "another event stands at this position");
            }
            String expected = HashChain.link(previous, event);
            if (!expected.equals(link.hash())) {
                return Verification.broken(courseId, links.size(), position, "the stored event differs from what was linked");
            }
            previous = link.hash();
        }
        return Verification.intact(courseId, links.size());
    }

    public List<String> allCourses() {
        return jdbc.sql("select distinct aggregate_identifier from course_hash_chain order by 1").query(String.class).list();
    }

    private record Link(long sequence, String eventIdentifier, String hash) {
    }

    /** The outcome: intact, or broken at the first bad position (0-based sequence number). */
    public record Verification(String courseId, boolean intact, int links, Integer firstBadPosition, String problem) {

        static Verification intact(String courseId, int links) {
            return new Verification(courseId, true, links, null, null);
        }

        static Verification broken(String courseId, int links, int position, String problem) {
            return new Verification(courseId, false, links, position, problem);
        }
    }
}
