package org.carecourse.operations.dashboard.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * One panel of the dashboard, built from one read model for the clinics shown: the headline
 * tiles it contributes, its tables and the charts drawn from them. The report lays panels out in
 * their {@link org.springframework.core.annotation.Order}.
 */
interface DashboardPanel {

    Content build(Shown shown);

    /** The clinics shown, in the order people read them (by name), and the filter and moment they are shown for. */
    record Shown(DashboardFilter filter, Map<UUID, DashboardReport.Clinic> clinics, Instant now) {

        List<UUID> ids() {
            return List.copyOf(clinics.keySet());
        }

        DashboardReport.Clinic clinic(UUID id) {
            return clinics.get(id);
        }

        /** A read model's rows in the order the clinics are shown. */
        <T> List<T> inOrder(List<T> rows, Function<T, UUID> clinic) {
            List<UUID> ids = ids();
            return rows.stream().sorted((a, b) -> Integer.compare(ids.indexOf(clinic.apply(a)), ids.indexOf(clinic.apply(b)))).toList();
        }
    }

    record Content(List<Tile> tiles, List<Table> tables, List<Chart> charts) {

        static Content table(Table table) {
            return new Content(List.of(), List.of(table), List.of());
        }
    }
}
