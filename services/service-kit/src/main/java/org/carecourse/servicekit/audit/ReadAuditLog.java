package org.carecourse.servicekit.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.carecourse.contracts.FieldLimits;
import org.carecourse.servicekit.domain.InvalidFieldException;
import org.carecourse.servicekit.security.StaffMember;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read audit of a service: every read of a patient's data is recorded here (who, role,
 * clinics, what, whose, where, why) and auditors query it. One table per service database, the
 * same shape everywhere. A read outside a transaction is recorded in one of its own, at once; a
 * read inside one (a keyed POST such as the patient search) joins it rather than take a second
 * pooled connection while the first is held.
 */
public class ReadAuditLog {

    static final int MAX_ROWS = 1000;

    private final JdbcClient jdbc;

    public ReadAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A read where stating a purpose is optional (lists, a case header). */
    @Transactional
    public void record(StaffMember reader, String view, UUID subjectId, UUID patientId, UUID clinicId, String purpose) {
        if (purpose != null && purpose.length() > FieldLimits.NOTE) {
            throw new InvalidFieldException("purpose", "at most " + FieldLimits.NOTE + " characters");
        }
        jdbc.sql("""
                        insert into read_audit (reader_id, reader_role, reader_clinics, view, subject_id, patient_id, clinic_id, purpose)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(reader.userId(), reader.actor().role(),
                        reader.clinics().stream().map(UUID::toString).sorted().collect(Collectors.joining(",")),
                        view, subjectId, patientId, clinicId, purpose == null || purpose.isBlank() ? null : purpose.strip())
                .update();
    }

    /**
     * A list naming several patients (a clinic's day): one row for each, so every patient's reads
     * show it, in one transaction; one row without a patient when the list named none.
     */
    @Transactional
    public void recordEach(StaffMember reader, String view, UUID subjectId, java.util.Collection<UUID> patientIds, UUID clinicId) {
        if (patientIds.isEmpty()) {
            record(reader, view, subjectId, null, clinicId, null);
        }
        patientIds.stream().distinct().forEach(patientId -> record(reader, view, subjectId, patientId, clinicId, null));
    }

    /** Opening a chart: refused (400) without a stated purpose. */
    @Transactional
    public void recordChart(StaffMember reader, String view, UUID subjectId, UUID patientId, UUID clinicId, String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new InvalidFieldException("purpose", "state why you are opening this patient's chart");
        }
        record(reader, view, subjectId, patientId, clinicId, purpose);
    }

    /**
     * Reads matching the filters, newest first, at most {@value #MAX_ROWS}; {@code clinics}
     * limits them to reads of those clinics' data (null: every clinic).
     */
    public List<Read> find(Filter filter, Set<UUID> clinics) {
        StringBuilder sql = new StringBuilder("select * from read_audit where true");
        Map<String, Object> params = new HashMap<>();
        if (filter.patientId() != null) {
            sql.append(" and patient_id = :patient");
            params.put("patient", filter.patientId());
        }
        if (filter.subjectId() != null) {
            sql.append(" and subject_id = :subject");
            params.put("subject", filter.subjectId());
        }
        if (filter.readerId() != null) {
            sql.append(" and reader_id = :reader");
            params.put("reader", filter.readerId());
        }
        if (filter.from() != null) {
            sql.append(" and read_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and read_at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        if (clinics != null) {
            if (clinics.isEmpty()) {
                return List.of();
            }
            sql.append(" and clinic_id in (:clinics)");
            params.put("clinics", clinics);
        }
        sql.append(" order by read_at desc, id desc limit ").append(MAX_ROWS);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Read(rs.getTimestamp("read_at").toInstant(), rs.getString("reader_id"),
                        rs.getString("reader_role"), rs.getString("reader_clinics"), rs.getString("view"),
                        rs.getObject("subject_id", UUID.class), rs.getObject("patient_id", UUID.class),
                        rs.getObject("clinic_id", UUID.class), rs.getString("purpose")))
                .list();
    }

    public record Filter(UUID patientId, UUID subjectId, String readerId, Instant from, Instant to) {
    }

    public record Read(Instant readAt, String readerId, String readerRole, String readerClinics, String view, UUID subjectId,
            UUID patientId, UUID clinicId, String purpose) {
    }
}
