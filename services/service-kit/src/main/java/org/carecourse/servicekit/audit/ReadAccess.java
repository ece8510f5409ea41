package org.carecourse.servicekit.audit;

import java.util.Collection;
import java.util.UUID;

import org.carecourse.servicekit.security.StaffMember;

/**
 * How every service lets a caller read patient data, in one idiom: the caller's clinic scope is
 * checked first (403, and nothing recorded, when the clinic is not theirs to read), then the read
 * is recorded in the read audit — who, which view, whose, where and why. Opening a chart (answers,
 * history, a course) also needs a stated purpose (400 without). Web code reads through this, never
 * through the log itself ({@code ArchitectureTest}), so no patient data is shown unrecorded.
 */
public class ReadAccess {

    private final ReadAuditLog log;

    public ReadAccess(ReadAuditLog log) {
        this.log = log;
    }

    /** What is read: the view's name, the record (if one), whose it is (if anyone's) and the clinic that keeps it. */
    public record Subject(String view, UUID subjectId, UUID patientId, UUID clinicId) {

        /** A list or search about one patient, the patient being the subject. */
        public static Subject patient(String view, UUID patientId, UUID clinicId) {
            return new Subject(view, patientId, patientId, clinicId);
        }
    }

    /** A clinic's queue or list that names no patient. */
    public void clinicList(StaffMember reader, String view, UUID clinicId) {
        reader.requireReadable(clinicId);
        log.record(reader, view, null, null, clinicId, null);
    }

    /** A clinic's list naming patients (a day's appointments): one read recorded for each patient named. */
    public void clinicListNaming(StaffMember reader, String view, UUID clinicId, Collection<UUID> patientIds) {
        reader.requireReadable(clinicId);
        log.recordEach(reader, view, clinicId, patientIds, clinicId);
    }

    /** One record kept at a clinic (an appointment, a consultation, a case's header); a purpose is optional. */
    public void record(StaffMember reader, Subject subject, String purpose) {
        reader.requireReadable(subject.clinicId());
        log.record(reader, subject.view(), subject.subjectId(), subject.patientId(), subject.clinicId(), purpose);
    }

    /** A chart itself: as {@link #record}, and refused (400) without a stated purpose. */
    public void chart(StaffMember reader, Subject subject, String purpose) {
        reader.requireReadable(subject.clinicId());
        log.recordChart(reader, subject.view(), subject.subjectId(), subject.patientId(), subject.clinicId(), purpose);
    }

    /**
     * A read whose scope the service decides by its own rule, already applied by the caller (a
     * course is read by every clinic it has been at; a patient search across the chain returns only
     * what the caller may see): recorded as it is.
     */
    public void scoped(StaffMember reader, Subject subject, String purpose) {
        log.record(reader, subject.view(), subject.subjectId(), subject.patientId(), subject.clinicId(), purpose);
    }

    /** As {@link #scoped}, for a chart: refused (400) without a stated purpose. */
    public void scopedChart(StaffMember reader, Subject subject, String purpose) {
        log.recordChart(reader, subject.view(), subject.subjectId(), subject.patientId(), subject.clinicId(), purpose);
    }
}
