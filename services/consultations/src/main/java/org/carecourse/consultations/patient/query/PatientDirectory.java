package org.carecourse.consultations.patient.query;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.carecourse.consultations.patient.api.PatientDetails;
import org.carecourse.consultations.patient.api.PatientDetailsChangedEvent;
import org.carecourse.consultations.patient.api.PatientRegisteredEvent;
import org.carecourse.consultations.patient.api.PostalAddress;
import org.carecourse.consultations.patient.api.Sex;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The patient index. Kept by a subscribing processor, in the registering transaction, so the
 * duplicate check sees every patient registered before it.
 */
@Component
@ProcessingGroup("consultations-patients")
public class PatientDirectory {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    PatientDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PatientRegisteredEvent event) {
        PatientDetails d = event.details();
        jdbc.sql("""
                        insert into patient (patient_id, given_name, family_name, date_of_birth, sex, phone, email,
                            name_key, phone_digits, email_lower, home_clinic_id, registered_at, address)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) on conflict do nothing""")
                .params(event.patientId(), d.givenName(), d.familyName(), Date.valueOf(d.dateOfBirth()), d.sex().code(),
                        d.phone(), d.email(), nameKey(d), phoneDigits(d.phone()), emailLower(d.email()),
                        event.homeClinicId(), Timestamp.from(event.registeredAt()), addressJson(d.address()))
                .update();
    }

    @EventHandler
    void on(PatientDetailsChangedEvent event) {
        PatientDetails d = event.details();
        jdbc.sql("""
                        update patient set given_name = ?, family_name = ?, date_of_birth = ?, sex = ?, phone = ?, email = ?,
                            name_key = ?, phone_digits = ?, email_lower = ?, home_clinic_id = ?, address = ?::jsonb
                        where patient_id = ?""")
                .params(d.givenName(), d.familyName(), Date.valueOf(d.dateOfBirth()), d.sex().code(), d.phone(), d.email(),
                        nameKey(d), phoneDigits(d.phone()), emailLower(d.email()), event.homeClinicId(), addressJson(d.address()),
                        event.patientId())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from patient").update();
    }

    /** A consultation is for a registered patient: 422 {@code unknown-patient} otherwise. */
    public UUID requireRegistered(UUID patientId) {
        if (find(patientId).isEmpty()) {
            throw new BusinessRuleViolation(BusinessRuleViolation.Kind.UNPROCESSABLE, "unknown-patient", "no registered patient " + patientId);
        }
        return patientId;
    }

    public Optional<PatientView> find(UUID patientId) {
        return jdbc.sql("select * from patient where patient_id = ?").param(patientId).query(PatientDirectory::view).optional();
    }

    /**
     * Serialises registrations of one identity (name and date of birth) until the caller's
     * transaction ends: two clinics registering the same person at the same moment would both
     * pass the duplicate check otherwise, since neither sees the other's uncommitted row.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockIdentity(PatientDetails details) {
        long key = UUID.nameUUIDFromBytes((nameKey(details) + "|" + details.dateOfBirth())
                .getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
        jdbc.sql("select 1 from pg_advisory_xact_lock(?)").param(key).query(Integer.class).single();
    }

    /** A registered patient with the same name and date of birth and the same phone or email. */
    public Optional<UUID> likelyDuplicate(PatientDetails details) {
        return jdbc.sql("""
                        select patient_id from patient
                        where name_key = ? and date_of_birth = ?
                          and ((phone_digits is not null and phone_digits = ?) or (email_lower is not null and email_lower = ?))
                        order by registered_at limit 1""")
                .params(nameKey(details), Date.valueOf(details.dateOfBirth()), phoneDigits(details.phone()),
                        emailLower(details.email()))
                .query(UUID.class).optional();
    }

    private static PatientView view(ResultSet rs, int row) throws SQLException {
        return new PatientView(rs.getObject("patient_id", UUID.class), rs.getString("given_name"), rs.getString("family_name"),
                rs.getDate("date_of_birth").toLocalDate(), Sex.fromCode(rs.getString("sex")), rs.getString("phone"),
                rs.getString("email"), rs.getObject("home_clinic_id", UUID.class), rs.getTimestamp("registered_at").toInstant(),
                rs.getString("address") == null ? null : JSON.readValue(rs.getString("address"), PostalAddress.class));
    }

    private static String addressJson(PostalAddress address) {
        return address == null ? null : JSON.writeValueAsString(address);
    }

    private static String nameKey(PatientDetails d) {
        return (d.givenName().strip() + " " + d.familyName().strip()).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static String phoneDigits(String phone) {
        return phone == null || phone.isBlank() ? null : phone.replaceAll("\\D", "");
    }

    private static String emailLower(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
