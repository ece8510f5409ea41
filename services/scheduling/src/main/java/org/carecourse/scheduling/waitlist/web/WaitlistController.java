package org.carecourse.scheduling.waitlist.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.carecourse.scheduling.booking.api.BookAppointmentCommand;
import org.carecourse.scheduling.booking.capacity.TreatmentSpacing;
import org.carecourse.scheduling.booking.planning.BookingPlanner;
import org.carecourse.scheduling.booking.planning.Bookings;
import org.carecourse.scheduling.booking.query.AppointmentBook;
import org.carecourse.scheduling.clinic.api.AppointmentType;
import org.carecourse.scheduling.waitlist.api.WaitlistCommands;
import org.carecourse.scheduling.waitlist.query.WaitlistBoard;
import org.carecourse.servicekit.audit.ReadAccess;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Patients waiting for an earlier slot at chosen clinics: the front desk puts them on the list,
 * sees each clinic's list in order, and confirms (books) or declines the slot a cancellation offered.
 */
@RestController
@PreAuthorize("hasAnyRole('front-desk', 'nurse', 'prescriber', 'admin')")
class WaitlistController {

    private final CommandDispatch commands;
    private final WaitlistBoard waitlist;
    private final BookingPlanner planner;
    private final AppointmentBook appointments;
    private final ReadAccess reads;
    private final Bookings bookings;
    private final Clock clock;

    WaitlistController(CommandDispatch commands, WaitlistBoard waitlist, BookingPlanner planner, AppointmentBook appointments,
            ReadAccess reads, Bookings bookings, Clock clock) {
        this.commands = commands;
        this.waitlist = waitlist;
        this.planner = planner;
        this.appointments = appointments;
        this.reads = reads;
        this.bookings = bookings;
        this.clock = clock;
    }

    @PostMapping("/api/waitlist")
    ResponseEntity<WaitlistBoard.Entry> join(@Valid @RequestBody JoinBody body) {
        StaffMember staff = StaffMember.current();
        List<UUID> clinics = body.clinicIds().stream().distinct().toList();
        clinics.forEach(staff::requireClinic);
        Instant now = clock.instant();
        UUID entryId = UUID.randomUUID();
        commands.sendAs(staff, clinics.get(0), new WaitlistCommands.Join(entryId, body.patientId(), body.type(), clinics,
                body.notBefore() == null || body.notBefore().isBefore(now) ? now : body.notBefore(), body.before(), now));
        return ResponseEntity.created(URI.create("/api/waitlist/" + entryId)).body(waitlist.find(entryId).orElseThrow());
    }

    @GetMapping("/api/clinics/{clinicId}/waitlist")
    List<WaitlistBoard.Entry> atClinic(@PathVariable UUID clinicId) {
        StaffMember staff = StaffMember.current();
        staff.requireClinic(clinicId);
        List<WaitlistBoard.Entry> entries = waitlist.at(clinicId);
        reads.clinicList(staff, "clinic-waitlist", clinicId);
        return entries;
    }

    /** Books the slot the entry was offered, through every rule a booking meets, and closes the entry, in one transaction. */
    @PostMapping("/api/waitlist/{entryId}/offer/acceptance")
    ResponseEntity<AppointmentBook.Appointment> accept(@PathVariable UUID entryId) {
        StaffMember staff = StaffMember.current();
        WaitlistBoard.Entry entry = ownEntry(staff, entryId);
        WaitlistBoard.Offer offer = entry.requireOpenOffer();
        staff.requireClinic(offer.clinicId());
        Instant now = clock.instant();
        BookAppointmentCommand booking = planner.plan(planner.clinic(offer.clinicId()), BookingPlanner.Wish.of(entry.patientId(),
                AppointmentType.fromCode(entry.type()), offer.startsAt(), offer.chairId()), now);
        bookings.send(staff, offer.clinicId(), planner.spacingHours(booking, null, TreatmentSpacing.Override.NONE), null,
                List.of(new WaitlistCommands.Accept(entryId, booking.appointmentId(), now), booking));
        return ResponseEntity.created(URI.create("/api/appointments/" + booking.appointmentId()))
                .body(appointments.find(booking.appointmentId()).orElseThrow());
    }

    @PostMapping("/api/waitlist/{entryId}/offer/decline")
    WaitlistBoard.Entry decline(@PathVariable UUID entryId) {
        StaffMember staff = StaffMember.current();
        WaitlistBoard.Entry entry = ownEntry(staff, entryId);
        commands.sendAs(staff, entry.clinicIds().get(0), new WaitlistCommands.Decline(entryId, clock.instant()));
        return waitlist.find(entryId).orElseThrow();
    }

    @PostMapping("/api/waitlist/{entryId}/leave")
    WaitlistBoard.Entry leave(@PathVariable UUID entryId) {
        StaffMember staff = StaffMember.current();
        WaitlistBoard.Entry entry = ownEntry(staff, entryId);
        commands.sendAs(staff, entry.clinicIds().get(0), new WaitlistCommands.Leave(entryId, clock.instant()));
        return waitlist.find(entryId).orElseThrow();
    }

    /** The entry, when the caller works at one of its clinics. */
    private WaitlistBoard.Entry ownEntry(StaffMember staff, UUID entryId) {
        WaitlistBoard.Entry entry = waitlist.find(entryId).orElseThrow(() -> new NotFoundException("no waitlist entry " + entryId));
        if (entry.clinicIds().stream().noneMatch(staff.clinics()::contains)) {
            staff.requireClinic(entry.clinicIds().get(0));
        }
        return entry;
    }

    record JoinBody(@NotNull UUID patientId, @NotNull AppointmentType type, @NotEmpty @Size(max = 10) List<@NotNull UUID> clinicIds,
            Instant notBefore, @NotNull Instant before) {
    }
}
