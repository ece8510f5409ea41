package org.carecourse.scheduling.clinic.query;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.carecourse.scheduling.clinic.api.Capability;
import org.carecourse.scheduling.clinic.api.ChairAddedEvent;
import org.carecourse.servicekit.domain.Coded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The chairs and rooms of each clinic; kept in the command's transaction, so a chair can be booked at once. */
@Component
@ProcessingGroup("scheduling-resources")
public class ChairDirectory {

    private final JdbcClient jdbc;

    ChairDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ChairAddedEvent event) {
        jdbc.sql("insert into chair (chair_id, clinic_id, name, capabilities) values (?, ?, ?, ?) on conflict do nothing")
                .params(event.chairId(), event.clinicId(), event.name(),
                        event.capabilities().stream().map(Capability::code).sorted().collect(Collectors.joining(",")))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate chair").update();
    }

    public Optional<Chair> find(UUID chairId) {
        return jdbc.sql("select * from chair where chair_id = ?").param(chairId).query((rs, n) -> chair(rs.getObject("chair_id",
                UUID.class), rs.getObject("clinic_id", UUID.class), rs.getString("name"), rs.getString("capabilities"))).optional();
    }

    public List<Chair> at(UUID clinicId) {
        return jdbc.sql("select * from chair where clinic_id = ? order by name").param(clinicId).query((rs, n) -> chair(
                rs.getObject("chair_id", UUID.class), rs.getObject("clinic_id", UUID.class), rs.getString("name"),
                rs.getString("capabilities"))).list();
    }

    private static Chair chair(UUID chairId, UUID clinicId, String name, String capabilities) {
        return new Chair(chairId, clinicId, name, Arrays.stream(capabilities.split(",")).filter(c -> !c.isEmpty())
                .map(c -> Coded.parse(Capability.values(), c, "capability")).collect(Collectors.toUnmodifiableSet()));
    }

    public record Chair(UUID chairId, UUID clinicId, String name, Set<Capability> capabilities) {
    }
}
