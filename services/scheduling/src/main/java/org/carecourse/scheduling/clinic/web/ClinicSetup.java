package org.carecourse.scheduling.clinic.web;

import java.util.UUID;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.web.NotFoundException;
import org.springframework.stereotype.Component;

/** Sends a clinic admin's change to the clinic; a clinic that was never registered is 404. */
@Component
class ClinicSetup {

    private final CommandDispatch commands;

    ClinicSetup(CommandDispatch commands) {
        this.commands = commands;
    }

    void change(UUID clinicId, Object command) {
        StaffMember staff = StaffMember.current();
        staff.requireClinic(clinicId);
        try {
            commands.sendAs(staff, clinicId, command);
        } catch (AggregateNotFoundException unknown) {
            throw new NotFoundException("no clinic " + clinicId);
        }
    }
}
