package org.carecourse.operations.dashboard.query;

import java.math.BigDecimal;
import java.util.List;

import org.carecourse.operations.receivable.query.ClinicReceivables;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** What is owed on issued invoices now, per clinic and by age since issue: a headline, a table and a chart. */
@Component
@Order(5)
class ReceivablesPanel implements DashboardPanel {

    private final ClinicReceivables receivables;

    ReceivablesPanel(ClinicReceivables receivables) {
        this.receivables = receivables;
    }

    @Override
    public Content build(Shown shown) {
        List<ClinicReceivables.Aging> aging = shown.ids().isEmpty() ? List.of()
                : shown.inOrder(receivables.of(shown.ids(), shown.now()), ClinicReceivables.Aging::clinicId);
        Tile tile = new Tile("receivable", "Receivable", Cells.money(aging.stream().map(ClinicReceivables.Aging::receivable)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).display(), "owed on issued invoices, now");
        List<List<Table.Cell>> rows = aging.stream().map(a -> List.of(Table.Cell.text(shown.clinic(a.clinicId()).name()),
                Table.Cell.text(a.currency()), Cells.money(a.days0to30()), Cells.money(a.days31to60()), Cells.money(a.days61to90()),
                Cells.money(a.over90()), Cells.money(a.receivable()))).toList();
        Table table = new Table("receivables", "Receivables by age (days since issue)", List.of("Clinic", "Currency", "0–30", "31–60",
                "61–90", "Over 90", "Total"), rows, "No invoice is owed at these clinics.");
        Chart chart = new Chart("receivables-chart", "bar", "Receivables by age", true, "money",
                aging.stream().map(a -> shown.clinic(a.clinicId()).name()).toList(), List.of(
                        new Chart.Series("0–30", aging.stream().map(ClinicReceivables.Aging::days0to30).toList()),
                        new Chart.Series("31–60", aging.stream().map(ClinicReceivables.Aging::days31to60).toList()),
                        new Chart.Series("61–90", aging.stream().map(ClinicReceivables.Aging::days61to90).toList()),
                        new Chart.Series("Over 90", aging.stream().map(ClinicReceivables.Aging::over90).toList())), "receivables");
        return new Content(List.of(tile), List.of(table), List.of(chart));
    }
}
