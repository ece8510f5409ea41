package org.carecourse.scheduling.waitlist.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.carecourse.scheduling.clinic.api.AppointmentType;
import org.carecourse.scheduling.waitlist.api.WaitlistCommands;
import org.carecourse.scheduling.waitlist.api.WaitlistEvents;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who waits for which slots, kept in the command's transaction, so the next cancellation sees the entry at once. */
@Component
@ProcessingGroup("scheduling-resources")
public class WaitlistBoard {

    private final JdbcClient jdbc;

    WaitlistBoard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WaitlistEvents.Joined event) {
        jdbc.sql("""
                        insert into waitlist_entry (entry_id, patient_id, type, clinic_ids, not_before, ends_before, status, joined_at)
                        values (?, ?, ?, ?, ?, ?, 'waiting', ?)""")
                .params(event.entryId(), event.patientId(), event.type().code(), event.clinicIds().toArray(UUID[]::new),
                        Timestamp.from(event.notBefore()), Timestamp.from(event.before()), Timestamp.from(event.at()))
                .update();
    }

    @EventHandler
    void on(WaitlistEvents.SlotOffered event) {
        WaitlistCommands.Slot slot = event.slot();
        jdbc.sql("""
                        update waitlist_entry set status = 'offered', offer_freed_by = ?, offer_clinic_id = ?, offer_chair_id = ?,
                            offer_starts_at = ? where entry_id = ?""")
                .params(slot.freedBy(), slot.clinicId(), slot.chairId(), Timestamp.from(slot.startsAt()), event.entryId()).update();
    }

    @EventHandler
    void on(WaitlistEvents.OfferAccepted event) {
        status(event.entryId(), "booked");
    }

    @EventHandler
    void on(WaitlistEvents.OfferDeclined event) {
        waitAgain(event.entryId());
    }

    @EventHandler
    void on(WaitlistEvents.OfferExpired event) {
        waitAgain(event.entryId());
    }

    private void waitAgain(UUID entryId) {
        jdbc.sql("""
                        update waitlist_entry set status = 'waiting', offer_freed_by = null, offer_clinic_id = null, offer_chair_id = null,
                            offer_starts_at = null where entry_id = ?""").param(entryId).update();
    }

    @EventHandler
    void on(WaitlistEvents.Left event) {
        status(event.entryId(), "left");
    }

    private void status(UUID entryId, String status) {
        jdbc.sql("update waitlist_entry set status = ? where entry_id = ?").params(status, entryId).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate waitlist_entry").update();
    }

    /** Waiting entries a slot of the type at the clinic starting then would suit, those who joined first first. */
    public List<Entry> waitingFor(AppointmentType type, UUID clinicId, Instant startsAt) {
        return jdbc.sql("""
                        select w.*, c.time_zone as offer_zone from waitlist_entry w left join clinic c on c.clinic_id = w.offer_clinic_id
                        where status = 'waiting' and type = ? and ? = any(clinic_ids)
                        and not_before <= ? and ? < ends_before order by joined_at, entry_id limit 20""")
                .params(type.code(), clinicId, Timestamp.from(startsAt), Timestamp.from(startsAt)).query(WaitlistBoard::entry).list();
    }

    public Optional<Entry> find(UUID entryId) {
        return jdbc.sql("""
                        select w.*, c.time_zone as offer_zone from waitlist_entry w left join clinic c on c.clinic_id = w.offer_clinic_id
                        where entry_id = ?""").param(entryId).query(WaitlistBoard::entry).optional();
    }

    /** The entries waiting, or holding an offer, at the clinic, in the order they are served. */
    public List<Entry> at(UUID clinicId) {
        return jdbc.sql("""
                        select w.*, c.time_zone as offer_zone from waitlist_entry w left join clinic c on c.clinic_id = w.offer_clinic_id
                        where status in ('waiting', 'offered') and ? = any(clinic_ids)
                        order by joined_at, entry_id limit 200""").param(clinicId).query(WaitlistBoard::entry).list();
    }

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        UUID[] clinics = (UUID[]) rs.getArray("clinic_ids").getArray();
        Timestamp offered = rs.getTimestamp("offer_starts_at");
        Offer offer = null;
        if (offered != null) {
            ZoneId zone = ZoneId.of(rs.getString("offer_zone"));
            offer = new Offer(rs.getObject("offer_freed_by", UUID.class), rs.getObject("offer_clinic_id", UUID.class),
                    rs.getObject("offer_chair_id", UUID.class), offered.toInstant(), LocalDateTime.ofInstant(offered.toInstant(), zone),
                    zone.getId());
        }
        return new Entry(rs.getObject("entry_id", UUID.class), rs.getObject("patient_id", UUID.class), rs.getString("type"),
                Arrays.asList(clinics), rs.getTimestamp("not_before").toInstant(), rs.getTimestamp("ends_before").toInstant(),
                rs.getString("status"), rs.getTimestamp("joined_at").toInstant(), offer);
    }

    public record Entry(UUID entryId, UUID patientId, String type, List<UUID> clinicIds, Instant notBefore, Instant before,
            String status, Instant joinedAt, Offer offer) {

        /** The offer to accept; 409 {@code no-open-offer} when the entry has none open. */
        public Offer requireOpenOffer() {
            if (offer == null) {
                throw new BusinessRuleViolation(BusinessRuleViolation.Kind.CONFLICT, "no-open-offer", "the entry has no open offer");
            }
            return offer;
        }
    }

    /** The slot a cancellation offered: its instant, and its clinic's local time in {@code zone}. */
    public record Offer(UUID freedBy, UUID clinicId, UUID chairId, Instant startsAt, LocalDateTime localStart, String zone) {
    }
}
