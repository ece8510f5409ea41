package org.carecourse.operations.dashboard.query;

import java.time.format.DateTimeFormatter;
import java.util.List;

import org.carecourse.operations.watch.query.ClinicWatch;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** What needs attention now at each clinic: open safety alerts (the oldest in the clinic's time) and REMS forms owed. */
@Component
@Order(3)
class WatchPanel implements DashboardPanel {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private final ClinicWatch watch;

    WatchPanel(ClinicWatch watch) {
        this.watch = watch;
    }

    @Override
    public Content build(Shown shown) {
        List<ClinicWatch.Watch> watched = shown.ids().isEmpty() ? List.of()
                : shown.inOrder(watch.of(shown.ids(), shown.now()), ClinicWatch.Watch::clinicId);
        List<Tile> tiles = List.of(
                new Tile("open-safety-alerts", "Open safety alerts", Cells.count(watched.stream()
                        .mapToLong(ClinicWatch.Watch::openSafetyAlerts).sum()).display(), "now"),
                new Tile("rems-overdue", "REMS forms overdue", Cells.count(watched.stream()
                        .mapToLong(ClinicWatch.Watch::remsFormsOverdue).sum()).display(), "now"));
        List<List<Table.Cell>> rows = watched.stream().map(w -> {
            DashboardReport.Clinic clinic = shown.clinic(w.clinicId());
            return List.of(Table.Cell.text(clinic.name()), Cells.count(w.openSafetyAlerts()),
                    w.oldestOpenAlertRaisedAt() == null ? Table.Cell.text(Cells.NONE)
                            : new Table.Cell(LOCAL_TIME.format(w.oldestOpenAlertRaisedAt().atZone(clinic.zone())),
                                    w.oldestOpenAlertRaisedAt().toString(), false),
                    Cells.count(w.remsFormsOwed()), Cells.count(w.remsFormsOverdue()));
        }).toList();
        Table table = new Table("watch", "Needs attention now", List.of("Clinic", "Open safety alerts",
                "Oldest open alert raised (clinic time)", "REMS forms owed", "REMS forms overdue"), rows, "No clinic matches the filter.");
        return new Content(tiles, List.of(table), List.of());
    }
}
