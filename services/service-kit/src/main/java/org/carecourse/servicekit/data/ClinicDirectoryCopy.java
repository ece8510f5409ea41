package org.carecourse.servicekit.data;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.contracts.scheduling.ClinicRegistered;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A service's local copy of scheduling's clinic directory, kept from {@code ClinicRegistered}
 * events in its own {@code clinic (clinic_id, name, time_zone)} table (created by the service's
 * migration). Services decide from this copy, never by calling scheduling.
 */
public class ClinicDirectoryCopy {

    private final JdbcClient jdbc;

    protected ClinicDirectoryCopy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the clinic's details unless a later announcement is already kept (replays arrive late). */
    public void apply(IntegrationEvent<?> event, ClinicRegistered clinic) {
        jdbc.sql("""
                        insert into clinic (clinic_id, name, time_zone, announced_at) values (?, ?, ?, ?)
                        on conflict (clinic_id) do update set name = excluded.name, time_zone = excluded.time_zone,
                            announced_at = excluded.announced_at
                        where clinic.announced_at <= excluded.announced_at""")
                .params(clinic.clinicId(), clinic.name(), clinic.timeZone(), Timestamp.from(event.occurredAt()))
                .update();
    }

    public boolean exists(UUID clinicId) {
        return zone(clinicId).isPresent();
    }

    /**
     * The clinic's time zone; a clinic the directory has not announced is refused (422
     * {@code unknown-clinic}), never guessed as UTC: a clinic's calendar day decides expiries.
     */
    public ZoneId requireZone(UUID clinicId) {
        return zone(clinicId).orElseThrow(() -> new BusinessRuleViolation(BusinessRuleViolation.Kind.UNPROCESSABLE, "unknown-clinic",
                "clinic " + clinicId + " is not in the clinic directory (yet)"));
    }

    /**
     * The zone of a clinic an inbound fact names. Not yet announced is a retryable failure (an
     * {@link IllegalStateException}, not a rule violation, which would be dead-lettered at once):
     * scheduling's announcement travels on its own topic and need not arrive before the fact.
     */
    public ZoneId zoneForInboundFact(UUID clinicId) {
        return zone(clinicId).orElseThrow(() -> new IllegalStateException("clinic " + clinicId
                + " is not in the clinic directory yet; retried until scheduling's announcement arrives"));
    }

    /** The clinic's time zone, if the directory has announced the clinic. */
    public Optional<ZoneId> zone(UUID clinicId) {
        return jdbc.sql("select time_zone from clinic where clinic_id = ?").param(clinicId).query(String.class).optional()
                .map(ZoneId::of);
    }
}
