package org.carecourse.operations.dashboard.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.carecourse.operations.funnel.query.IntakeFunnel;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The intake funnel of the patients who asked in the range, per clinic: its steps as a table and a chart. */
@Component
@Order(2)
class FunnelPanel implements DashboardPanel {

    private final IntakeFunnel funnel;

    FunnelPanel(IntakeFunnel funnel) {
        this.funnel = funnel;
    }

    @Override
    public Content build(Shown shown) {
        // Clinics where nobody asked in the range have no funnel to show.
        List<IntakeFunnel.Funnel> funnels = shown.ids().stream().map(id -> funnel.of(id, shown.filter().from(), shown.filter().to()))
                .filter(f -> f.steps().get(0).patients() > 0).toList();
        List<List<Table.Cell>> rows = new ArrayList<>();
        funnels.forEach(f -> f.steps().forEach(step -> rows.add(List.of(Table.Cell.text(shown.clinic(f.clinicId()).name()),
                Table.Cell.text(step.step()), Cells.count(step.patients()), Cells.rate(step.conversion()),
                Cells.days(step.medianDaysFromPrevious())))));
        Table table = new Table("funnel", "Intake funnel (patients who asked in the range)", List.of("Clinic", "Step", "Patients",
                "Conversion from previous step", "Median days from previous step"), rows,
                "Nobody asked for a consultation at these clinics in this range.");
        List<Chart.Series> series = funnels.stream().map(f -> new Chart.Series(shown.clinic(f.clinicId()).name(), f.steps().stream()
                .map(s -> BigDecimal.valueOf(s.patients())).toList(), shown.clinic(f.clinicId()).colour())).toList();
        Chart chart = new Chart("funnel-chart", "bar", "Intake funnel: patients at each step", false, "count", IntakeFunnel.STEPS, series,
                "funnel");
        return new Content(List.of(), List.of(table), List.of(chart));
    }
}
