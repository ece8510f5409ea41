package org.carecourse.scheduling.clinic.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.carecourse.scheduling.clinic.api.AddChairCommand;
import org.carecourse.scheduling.clinic.api.AppointmentType;
import org.carecourse.scheduling.clinic.api.AssignStaffCommand;
import org.carecourse.scheduling.clinic.api.ChairAddedEvent;
import org.carecourse.scheduling.clinic.api.ClinicRegisteredEvent;
import org.carecourse.scheduling.clinic.api.OpeningHours;
import org.carecourse.scheduling.clinic.api.OpeningHoursSetEvent;
import org.carecourse.scheduling.clinic.api.RegisterClinicCommand;
import org.carecourse.scheduling.clinic.api.SchedulingPolicy;
import org.carecourse.scheduling.clinic.api.SchedulingPolicySetEvent;
import org.carecourse.scheduling.clinic.api.SetOpeningHoursCommand;
import org.carecourse.scheduling.clinic.api.SetSchedulingPolicyCommand;
import org.carecourse.scheduling.clinic.api.Shift;
import org.carecourse.scheduling.clinic.api.StaffAssignedEvent;
import org.carecourse.servicekit.domain.BusinessRuleViolation;

/**
 * A clinic of the chain. Registration is idempotent so seeding can run at every start;
 * renaming or moving a clinic comes with scheduling's own issue.
 */
@Aggregate
class Clinic {

    @AggregateIdentifier
    private UUID clinicId;
    private String name;
    private String timeZone;
    private Map<UUID, ChairAddedEvent> chairs = new HashMap<>();
    private Map<UUID, StaffAssignedEvent> staff = new HashMap<>();
    private SchedulingPolicy policy;
    private OpeningHours hours;

    Clinic() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterClinicCommand command) {
        if (clinicId == null) {
            apply(new ClinicRegisteredEvent(command.clinicId(), command.name(), command.timeZone()));
        } else if (!name.equals(command.name()) || !timeZone.equals(command.timeZone())) {
            throw new BusinessRuleViolation(BusinessRuleViolation.Kind.CONFLICT, "clinic-already-registered",
                    "clinic " + clinicId + " is already registered with other details");
        }
    }

    /** Adding the same chair again changes nothing; the same id with other details is refused. */
    @CommandHandler
    void handle(AddChairCommand command) {
        ChairAddedEvent added = new ChairAddedEvent(clinicId, command.chairId(), command.name(), command.capabilities());
        ChairAddedEvent known = chairs.get(command.chairId());
        if (known == null) {
            apply(added);
        } else if (!known.equals(added)) {
            throw new BusinessRuleViolation(BusinessRuleViolation.Kind.CONFLICT, "chair-already-added",
                    "chair " + command.chairId() + " is already added with other details");
        }
    }

    /** The clinic's hours as a whole, replacing the previous ones; bookings already made stand. The same hours again change nothing. */
    @CommandHandler
    void handle(SetOpeningHoursCommand command) {
        if (!command.hours().equals(hours)) {
            apply(new OpeningHoursSetEvent(clinicId, command.hours()));
        }
    }

    @EventSourcingHandler
    void on(OpeningHoursSetEvent event) {
        hours = event.hours();
    }

    /**
     * The clinic's scheduling rules as a whole; bookings already made keep their times. A Spravato
     * appointment shorter than the REMS observation is refused; the same policy again changes nothing.
     */
    @CommandHandler
    void handle(SetSchedulingPolicyCommand command) {
        int spravato = command.policy().settings(AppointmentType.SPRAVATO).minutes();
        if (spravato < AppointmentType.SPRAVATO_MINIMUM_MINUTES) {
            throw new BusinessRuleViolation(BusinessRuleViolation.Kind.UNPROCESSABLE, "spravato-observation-too-short",
                    "a Spravato session is observed for at least " + AppointmentType.SPRAVATO_MINIMUM_MINUTES + " min, not " + spravato);
        }
        if (!command.policy().equals(policy)) {
            apply(new SchedulingPolicySetEvent(clinicId, command.policy()));
        }
    }

    @EventSourcingHandler
    void on(SchedulingPolicySetEvent event) {
        policy = event.policy();
    }

    /** A staff member's role and weekly shifts here; the same assignment again changes nothing. */
    @CommandHandler
    void handle(AssignStaffCommand command) {
        List<Shift> shifts = command.shifts();
        for (int i = 0; i < shifts.size(); i++) {
            for (int j = i + 1; j < shifts.size(); j++) {
                if (shifts.get(i).overlaps(shifts.get(j))) {
                    throw new BusinessRuleViolation(BusinessRuleViolation.Kind.UNPROCESSABLE, "overlapping-shifts", "shifts "
                            + shifts.get(i) + " and " + shifts.get(j) + " overlap");
                }
            }
        }
        StaffAssignedEvent assigned = new StaffAssignedEvent(clinicId, command.staffId(), command.name(), command.role(), shifts);
        if (!assigned.equals(staff.get(command.staffId()))) {
            apply(assigned);
        }
    }

    @EventSourcingHandler
    void on(StaffAssignedEvent event) {
        staff.put(event.staffId(), event);
    }

    @EventSourcingHandler
    void on(ChairAddedEvent event) {
        chairs.put(event.chairId(), event);
    }

    @EventSourcingHandler
    void on(ClinicRegisteredEvent event) {
        this.clinicId = event.clinicId();
        this.name = event.name();
        this.timeZone = event.timeZone();
    }
}
