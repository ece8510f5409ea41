package org.carecourse.operations.dashboard.query;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.carecourse.operations.region.query.ClinicRegions;
import org.carecourse.servicekit.domain.DateRanges;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboard of a set of clinics over a range: the clinics the filter selects from the caller's,
 * and each {@link DashboardPanel}'s headline figures, charts and tables (each exportable as CSV).
 * Aggregates and ids only: no read model operations keeps holds a name or a clinical note. Days
 * are each clinic's own.
 */
@Component
public class DashboardReport {

    /** Distinguishable colours (Okabe–Ito, safe for colour-blind readers), one per clinic in the caller's list. */
    private static final List<String> CLINIC_COLOURS = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
            "#F0E442", "#000000");

    private final JdbcClient jdbc;
    private final ClinicRegions regions;
    private final List<DashboardPanel> panels;
    private final Clock clock;

    DashboardReport(JdbcClient jdbc, ClinicRegions regions, List<DashboardPanel> panels, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.panels = panels;
        this.clock = clock;
    }

    /** A clinic as the dashboard names it: its directory name, zone, reporting region (if any) and chart colour. */
    public record Clinic(UUID id, String name, ZoneId zone, String region, String colour) {
    }

    public record Dashboard(DashboardFilter filter, List<Clinic> available, List<String> regions, List<Clinic> shown, List<Tile> tiles,
            List<Chart> charts, List<Table> tables, Instant generatedAt) {

        public Table table(String id) {
            return tables.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
        }
    }

    /** The clinics the caller may see (their token's), for the filter's choices. */
    public List<Clinic> clinicsOf(Collection<UUID> readable) {
        Map<UUID, String> regionOf = regions.all();
        List<Clinic> clinics = jdbc.sql("select clinic_id, name, time_zone from clinic order by name, clinic_id")
                .query((rs, n) -> {
                    UUID id = rs.getObject("clinic_id", UUID.class);
                    return new Clinic(id, rs.getString("name"), ZoneId.of(rs.getString("time_zone")), regionOf.get(id), null);
                })
                .list().stream().filter(c -> readable.contains(c.id())).toList();
        return IntStream.range(0, clinics.size()).mapToObj(i -> {
            Clinic c = clinics.get(i);
            return new Clinic(c.id(), c.name(), c.zone(), c.region(), CLINIC_COLOURS.get(i % CLINIC_COLOURS.size()));
        }).toList();
    }

    public Dashboard build(Set<UUID> readable, DashboardFilter filter) {
        DateRanges.require(filter.from(), filter.to(), DashboardFilter.MAX_RANGE_DAYS);
        List<Clinic> available = clinicsOf(readable);
        List<String> regionNames = available.stream().map(Clinic::region).filter(r -> r != null).distinct().sorted().toList();
        List<Clinic> shown = available.stream()
                .filter(c -> filter.region() == null || filter.region().equals(c.region()))
                .filter(c -> filter.clinics().isEmpty() || filter.clinics().contains(c.id()))
                .toList();
        // In the order people read them (by name): tables, series and colours follow it.
        Map<UUID, Clinic> byId = new LinkedHashMap<>();
        shown.forEach(c -> byId.put(c.id(), c));
        Instant now = clock.instant();
        DashboardPanel.Shown scope = new DashboardPanel.Shown(filter, byId, now);
        List<Tile> tiles = new ArrayList<>();
        List<Chart> charts = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        for (DashboardPanel panel : panels) {
            DashboardPanel.Content content = panel.build(scope);
            tiles.addAll(content.tiles());
            charts.addAll(content.charts());
            tables.addAll(content.tables());
        }
        return new Dashboard(filter, available, regionNames, shown, List.copyOf(tiles), List.copyOf(charts), List.copyOf(tables), now);
    }
}
