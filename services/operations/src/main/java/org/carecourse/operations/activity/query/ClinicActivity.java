package org.carecourse.operations.activity.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.contracts.billing.ChargePosted;
import org.carecourse.contracts.billing.ChargeVoided;
import org.carecourse.contracts.billing.PaymentReceived;
import org.carecourse.contracts.billing.RefundIssued;
import org.carecourse.contracts.scheduling.AppointmentBooked;
import org.carecourse.contracts.scheduling.AppointmentCancelled;
import org.carecourse.contracts.scheduling.AppointmentCompleted;
import org.carecourse.contracts.scheduling.AppointmentNoShowed;
import org.carecourse.contracts.scheduling.AppointmentRescheduled;
import org.carecourse.contracts.treatment.InfusionAdministered;
import org.carecourse.contracts.treatment.SessionStarted;
import org.carecourse.operations.capacity.ClinicCapacity;
import org.carecourse.operations.clinic.ClinicDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each clinic's figures by its own calendar day, added to as facts arrive (once each: the caller
 * holds the inbox): bookings and the chair-minutes they hold (taken back when an appointment is
 * cancelled or moved), cancellations, late ones, no-shows, sessions and infusions, and money
 * charged, paid and refunded. A fact is counted on the day it is about (an appointment's start, a
 * session's start, a charge's service date), not the day it arrived.
 */
@Component
public class ClinicActivity {

    private final JdbcClient jdbc;
    private final ClinicDirectory clinics;
    private final ClinicCapacity capacity;

    ClinicActivity(JdbcClient jdbc, ClinicDirectory clinics, ClinicCapacity capacity) {
        this.jdbc = jdbc;
        this.clinics = clinics;
        this.capacity = capacity;
    }

    public void apply(IntegrationEvent<EventPayload> event) {
        EventPayload payload = event.payload();
        if (payload instanceof AppointmentBooked booked) {
            int minutes = (int) Duration.between(booked.startsAt(), booked.endsAt()).toMinutes();
            jdbc.sql("""
                            insert into appointment_copy (appointment_id, clinic_id, starts_at, minutes) values (?, ?, ?, ?)
                            on conflict (appointment_id) do nothing""")
                    .params(booked.appointmentId(), booked.clinicId(), Timestamp.from(booked.startsAt()), minutes).update();
            LocalDate day = day(booked.clinicId(), booked.startsAt());
            add(booked.clinicId(), day, Metric.APPOINTMENTS_BOOKED, BigDecimal.ONE);
            add(booked.clinicId(), day, Metric.BOOKED_CHAIR_MINUTES, BigDecimal.valueOf(minutes));
        } else if (payload instanceof AppointmentCancelled cancelled) {
            LocalDate day = day(cancelled.clinicId(), cancelled.startsAt());
            add(cancelled.clinicId(), day, Metric.CANCELLATIONS, BigDecimal.ONE);
            // A late cancellation is the patient's: the clinic's own, however late, is not one.
            if (cancelled.late() && cancelled.byPatient()) {
                add(cancelled.clinicId(), day, Metric.LATE_CANCELLATIONS, BigDecimal.ONE);
            }
            release(cancelled.appointmentId());
        } else if (payload instanceof AppointmentRescheduled moved) {
            release(moved.appointmentId());
        } else if (payload instanceof AppointmentNoShowed noShow) {
            add(noShow.clinicId(), day(noShow.clinicId(), noShow.startsAt()), Metric.NO_SHOWS, BigDecimal.ONE);
        } else if (payload instanceof AppointmentCompleted completed) {
            add(completed.clinicId(), day(completed.clinicId(), completed.startsAt()), Metric.APPOINTMENTS_COMPLETED, BigDecimal.ONE);
        } else if (payload instanceof SessionStarted started && event.clinicId() != null) {
            add(event.clinicId(), day(event.clinicId(), started.startedAt()),
                    "spravato".equals(started.modality()) ? Metric.SPRAVATO_SESSIONS : Metric.IV_SESSIONS, BigDecimal.ONE);
        } else if (payload instanceof InfusionAdministered infusion && event.clinicId() != null) {
            add(event.clinicId(), day(event.clinicId(), infusion.startedAt()), Metric.INFUSIONS_ADMINISTERED, BigDecimal.ONE);
        } else if (payload instanceof ChargePosted charge) {
            add(charge.clinicId(), charge.serviceDate(), Metric.CHARGED, charge.amount());
        } else if (payload instanceof ChargeVoided voided) {
            add(voided.clinicId(), day(voided.clinicId(), event.occurredAt()), Metric.CHARGED, voided.amount().negate());
        } else if (payload instanceof PaymentReceived payment) {
            add(payment.clinicId(), day(payment.clinicId(), payment.receivedAt()), Metric.PAID, payment.amount());
        } else if (payload instanceof RefundIssued refund) {
            add(refund.clinicId(), day(refund.clinicId(), refund.refundedAt()), Metric.REFUNDED, refund.amount());
        }
    }

    public record Day(UUID clinicId, LocalDate day, Map<String, BigDecimal> figures) {
    }

    /**
     * Each clinic's figures on its days {@code from}–{@code to}, for the given clinics, with the
     * chair-minutes it offered that day and the share of them booked (chair utilization).
     */
    public List<Day> days(List<UUID> clinicIds, LocalDate from, LocalDate to) {
        Map<String, Day> days = new TreeMap<>();
        for (UUID clinicId : clinicIds) {
            ClinicCapacity.Offer offer = capacity.offer(clinicId);
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                long offered = offer.chairMinutes(day);
                if (offered > 0) {
                    LocalDate date = day;
                    days.computeIfAbsent(clinicId + "/" + date, k -> new Day(clinicId, date, new TreeMap<>())).figures()
                            .put(Metric.AVAILABLE_CHAIR_MINUTES.code(), BigDecimal.valueOf(offered));
                }
            }
        }
        jdbc.sql("""
                        select clinic_id, day, metric, value from clinic_day_activity
                        where clinic_id in (:clinics) and day between :from and :to order by clinic_id, day, metric""")
                .param("clinics", clinicIds).param("from", from).param("to", to)
                .query((rs, n) -> new Figure(rs.getObject("clinic_id", UUID.class), rs.getObject("day", LocalDate.class),
                        rs.getString("metric"), rs.getBigDecimal("value")))
                .list()
                .forEach(figure -> days.computeIfAbsent(figure.clinicId() + "/" + figure.day(), k -> new Day(figure.clinicId(),
                        figure.day(), new TreeMap<>())).figures().put(figure.metric(), figure.value()));
        days.values().forEach(day -> {
            BigDecimal utilization = share(day.figures().get(Metric.BOOKED_CHAIR_MINUTES.code()),
                    day.figures().get(Metric.AVAILABLE_CHAIR_MINUTES.code()));
            if (utilization != null) {
                day.figures().put(Metric.CHAIR_UTILIZATION.code(), utilization);
            }
        });
        return List.copyOf(days.values());
    }

    /**
     * A clinic's totals over a range, side by side with the others: sessions, bookings, the
     * no-show and late-cancel rates among its bookings, its chair utilization, and its money.
     */
    public record Comparison(UUID clinicId, Map<String, BigDecimal> totals, BigDecimal noShowRate, BigDecimal lateCancelRate,
            BigDecimal chairUtilization) {
    }

    public List<Comparison> compare(List<UUID> clinicIds, LocalDate from, LocalDate to) {
        Map<UUID, Map<String, BigDecimal>> totals = new TreeMap<>();
        clinicIds.forEach(clinicId -> totals.put(clinicId, new TreeMap<>()));
        for (Day day : days(clinicIds, from, to)) {
            Map<String, BigDecimal> clinic = totals.get(day.clinicId());
            day.figures().forEach((metric, value) -> {
                if (!metric.equals(Metric.CHAIR_UTILIZATION.code())) {
                    clinic.merge(metric, value, BigDecimal::add);
                }
            });
        }
        return totals.entrySet().stream().map(clinic -> {
            Map<String, BigDecimal> sum = clinic.getValue();
            BigDecimal booked = sum.get(Metric.APPOINTMENTS_BOOKED.code());
            return new Comparison(clinic.getKey(), sum, share(sum.get(Metric.NO_SHOWS.code()), booked),
                    share(sum.get(Metric.LATE_CANCELLATIONS.code()), booked),
                    share(sum.get(Metric.BOOKED_CHAIR_MINUTES.code()), sum.get(Metric.AVAILABLE_CHAIR_MINUTES.code())));
        }).toList();
    }

    /** {@code part} of {@code whole} to three decimals; none (null) when there is no whole, never a rate of zero bookings. */
    public static BigDecimal share(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() == 0) {
            return null;
        }
        return (part == null ? BigDecimal.ZERO : part).divide(whole, 3, RoundingMode.HALF_UP);
    }

    private record Figure(UUID clinicId, LocalDate day, String metric, BigDecimal value) {
    }

    private record Held(UUID clinicId, Instant startsAt, int minutes) {
    }

    /** A cancelled or moved appointment no longer holds its chair: its minutes leave its day. */
    private void release(UUID appointmentId) {
        Optional<Held> held = jdbc.sql("delete from appointment_copy where appointment_id = ? returning clinic_id, starts_at, minutes")
                .param(appointmentId)
                .query((rs, n) -> new Held(rs.getObject("clinic_id", UUID.class), rs.getTimestamp("starts_at").toInstant(),
                        rs.getInt("minutes")))
                .optional();
        held.ifPresent(h -> add(h.clinicId(), day(h.clinicId(), h.startsAt()), Metric.BOOKED_CHAIR_MINUTES,
                BigDecimal.valueOf(-h.minutes())));
    }

    private void add(UUID clinicId, LocalDate day, Metric metric, BigDecimal value) {
        jdbc.sql("""
                        insert into clinic_day_activity (clinic_id, day, metric, value) values (?, ?, ?, ?)
                        on conflict (clinic_id, day, metric) do update set value = clinic_day_activity.value + excluded.value""")
                .params(clinicId, day, metric.code(), value).update();
    }

    /** A clinic not announced yet is retried, not refused (see {@code zoneForInboundFact}). */
    private LocalDate day(UUID clinicId, Instant at) {
        return at.atZone(clinics.zoneForInboundFact(clinicId)).toLocalDate();
    }
}
