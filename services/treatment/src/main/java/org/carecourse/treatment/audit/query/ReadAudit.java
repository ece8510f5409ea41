package org.carecourse.treatment.audit.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.carecourse.contracts.FieldLimits;
import org.carecourse.servicekit.domain.InvalidFieldException;
import org.carecourse.servicekit.security.StaffMember;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records every read of a course (who, when, from which clinics, why) and lets auditors query them. */
@Component
public class ReadAudit {

    private final JdbcClient jdbc;

    ReadAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Refuses (400) a read without a stated purpose; otherwise records it, committed even if the read fails later. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(UUID courseId, StaffMember reader, String purpose, String view) {
        if (purpose == null || purpose.isBlank()) {
            throw new InvalidFieldException("purpose", "state why you are reading this patient's course");
        }
        if (purpose.length() > FieldLimits.NOTE) {
            throw new InvalidFieldException("purpose", "at most " + FieldLimits.NOTE + " characters");
        }
        jdbc.sql("""
                        insert into course_read_audit (course_id, reader_id, reader_role, clinic_ids, purpose, view)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(courseId, reader.userId(), reader.actor().role(),
                        reader.clinics().stream().map(UUID::toString).sorted().collect(Collectors.joining(",")),
                        purpose.strip(), view)
                .update();
    }

    public List<Read> reads(UUID courseId) {
        return jdbc.sql("select * from course_read_audit where course_id = ? order by id").param(courseId)
                .query((rs, n) -> new Read(rs.getString("reader_id"), rs.getString("reader_role"), rs.getString("clinic_ids"),
                        rs.getString("purpose"), rs.getString("view"), rs.getTimestamp("read_at").toInstant()))
                .list();
    }

    public record Read(String readerId, String readerRole, String clinicIds, String purpose, String view, Instant readAt) {
    }
}
