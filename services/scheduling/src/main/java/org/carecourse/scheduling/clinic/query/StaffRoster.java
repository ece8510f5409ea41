package org.carecourse.scheduling.clinic.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.carecourse.scheduling.clinic.api.Shift;
import org.carecourse.scheduling.clinic.api.StaffAssignedEvent;
import org.carecourse.scheduling.clinic.api.StaffRole;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Who works at each clinic, in which role and on which weekly shifts; kept in the command's transaction. */
@Component
@ProcessingGroup("scheduling-resources")
public class StaffRoster {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Shift>> SHIFTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    StaffRoster(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StaffAssignedEvent event) {
        jdbc.sql("""
                        insert into staff_assignment (clinic_id, staff_id, name, role, shifts) values (?, ?, ?, ?, ?::jsonb)
                        on conflict (clinic_id, staff_id) do update set name = excluded.name, role = excluded.role,
                            shifts = excluded.shifts""")
                .params(event.clinicId(), event.staffId(), event.name(), event.role().code(), JSON.writeValueAsString(event.shifts()))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate staff_assignment").update();
    }

    /** The clinic's staff in a stable order (by id), so every booking picks among them alike. */
    public List<Assignment> at(UUID clinicId) {
        return jdbc.sql("select * from staff_assignment where clinic_id = ? order by staff_id").param(clinicId)
                .query(StaffRoster::assignment).list();
    }

    /** Where else the staff member works: their shifts may not overlap another clinic's. */
    /**
     * A staff member's shifts at one clinic may not overlap their shifts at another clinic of the
     * chain (409 {@code shift-overlaps-other-clinic}, naming the other clinic).
     */
    public void requireFreeElsewhere(UUID staffId, UUID clinicId, List<Shift> shifts) {
        for (Assignment elsewhere : of(staffId)) {
            if (!elsewhere.clinicId().equals(clinicId) && elsewhere.shifts().stream().anyMatch(o -> shifts.stream().anyMatch(o::overlaps))) {
                throw new BusinessRuleViolation(BusinessRuleViolation.Kind.CONFLICT, "shift-overlaps-other-clinic", "staff member "
                        + staffId + " already works at clinic " + elsewhere.clinicId() + " during one of these shifts");
            }
        }
    }

    public List<Assignment> of(UUID staffId) {
        return jdbc.sql("select * from staff_assignment where staff_id = ? order by clinic_id").param(staffId)
                .query(StaffRoster::assignment).list();
    }

    private static Assignment assignment(ResultSet rs, int n) throws SQLException {
        return new Assignment(rs.getObject("clinic_id", UUID.class), rs.getObject("staff_id", UUID.class), rs.getString("name"),
                StaffRole.fromCode(rs.getString("role")), JSON.readValue(rs.getString("shifts"), SHIFTS));
    }

    public record Assignment(UUID clinicId, UUID staffId, String name, StaffRole role, List<Shift> shifts) {
    }
}
