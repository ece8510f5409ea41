package org.carecourse.operations.dashboard.query;

import static org.carecourse.operations.activity.query.ClinicActivity.share;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.carecourse.operations.activity.query.ClinicActivity;
import org.carecourse.operations.activity.query.Metric;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Activity and money per clinic (one read model, {@link ClinicActivity}): the headline counts,
 * rates and revenue, each clinic's figures per day or week over its own days, the clinics
 * compared over the range, and the sessions, utilization and revenue charts.
 */
@Component
@Order(1)
class ActivityPanel implements DashboardPanel {

    private static final List<Metric> ACTIVITY_COLUMNS = List.of(Metric.APPOINTMENTS_BOOKED, Metric.APPOINTMENTS_COMPLETED,
            Metric.CANCELLATIONS, Metric.LATE_CANCELLATIONS, Metric.NO_SHOWS, Metric.IV_SESSIONS, Metric.SPRAVATO_SESSIONS,
            Metric.INFUSIONS_ADMINISTERED);

    private final ClinicActivity activity;

    ActivityPanel(ClinicActivity activity) {
        this.activity = activity;
    }

    @Override
    public Content build(Shown shown) {
        List<UUID> ids = shown.ids();
        DashboardFilter filter = shown.filter();
        List<ClinicActivity.Day> days = ids.isEmpty() ? List.of() : activity.days(ids, filter.from(), filter.to());
        List<ClinicActivity.Comparison> compared = ids.isEmpty() ? List.of()
                : shown.inOrder(activity.compare(ids, filter.from(), filter.to()), ClinicActivity.Comparison::clinicId);
        Periods periods = new Periods(filter);
        Map<PeriodAtClinic, Map<String, BigDecimal>> summed = byPeriodAndClinic(days, periods);
        return new Content(tiles(compared),
                List.of(activityTable(summed, periods, shown), comparisonTable(compared, shown)),
                List.of(perPeriodChart("sessions-chart", "bar", "Sessions per " + periods.unit() + " (IV and Spravato)", true, "count",
                                periods, summed, shown, figures -> sum(figures, Metric.IV_SESSIONS, Metric.SPRAVATO_SESSIONS), false),
                        perPeriodChart("utilization-chart", "line", "Chair utilization per " + periods.unit()
                                + " (booked of offered chair-hours)", false, "percent", periods, summed, shown,
                                figures -> figures.getOrDefault(Metric.BOOKED_CHAIR_MINUTES.code(), BigDecimal.ZERO), true),
                        revenueChart(compared, shown)));
    }

    private static List<Tile> tiles(List<ClinicActivity.Comparison> compared) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        compared.forEach(c -> c.totals().forEach((metric, value) -> totals.merge(metric, value, BigDecimal::add)));
        BigDecimal booked = totals.get(Metric.APPOINTMENTS_BOOKED.code());
        return List.of(
                new Tile("sessions", "Sessions", Cells.count(sum(totals, Metric.IV_SESSIONS, Metric.SPRAVATO_SESSIONS)).display(),
                        "IV and Spravato sessions started"),
                new Tile("infusions", "Infusions", Cells.count(totals.get(Metric.INFUSIONS_ADMINISTERED.code())).display(),
                        "IV infusions administered"),
                new Tile("chair-utilization", "Chair utilization", Cells.percent(share(totals.get(Metric.BOOKED_CHAIR_MINUTES.code()),
                        totals.get(Metric.AVAILABLE_CHAIR_MINUTES.code()))), "booked of offered chair-hours"),
                new Tile("no-show-rate", "No-show rate", Cells.percent(share(totals.get(Metric.NO_SHOWS.code()), booked)),
                        "of appointments booked"),
                new Tile("late-cancel-rate", "Late-cancel rate", Cells.percent(share(totals.get(Metric.LATE_CANCELLATIONS.code()), booked)),
                        "of appointments booked"),
                new Tile("charged", "Charged", Cells.money(totals.get(Metric.CHARGED.code())).display(), "net of voids"),
                new Tile("paid", "Paid", Cells.money(totals.get(Metric.PAID.code())).display(), "payments received"));
    }

    /** The range's days or weeks (a week starts on Monday and is labelled by it). */
    private record Periods(DashboardFilter filter) {

        LocalDate of(LocalDate day) {
            return filter.granularity() == DashboardFilter.Granularity.WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    : day;
        }

        List<LocalDate> all() {
            Set<LocalDate> periods = new TreeSet<>();
            for (LocalDate day = filter.from(); !day.isAfter(filter.to()); day = day.plusDays(1)) {
                periods.add(of(day));
            }
            return List.copyOf(periods);
        }

        String unit() {
            return filter.granularity() == DashboardFilter.Granularity.WEEK ? "week" : "day";
        }

        String label(LocalDate period) {
            return filter.granularity() == DashboardFilter.Granularity.WEEK ? "week of " + period : period.toString();
        }
    }

    /** A clinic's day or week; rows sort by period, then clinic. */
    private record PeriodAtClinic(LocalDate period, UUID clinicId) {

        static final Comparator<PeriodAtClinic> ORDER = Comparator.comparing(PeriodAtClinic::period)
                .thenComparing(key -> key.clinicId().toString());
    }

    /** Each clinic's figures per day or week, summed over the clinic's own days. */
    private static Map<PeriodAtClinic, Map<String, BigDecimal>> byPeriodAndClinic(List<ClinicActivity.Day> days, Periods periods) {
        Map<PeriodAtClinic, Map<String, BigDecimal>> summed = new TreeMap<>(PeriodAtClinic.ORDER);
        for (ClinicActivity.Day day : days) {
            Map<String, BigDecimal> row = summed.computeIfAbsent(new PeriodAtClinic(periods.of(day.day()), day.clinicId()),
                    k -> new TreeMap<>());
            day.figures().forEach((metric, value) -> {
                if (!metric.equals(Metric.CHAIR_UTILIZATION.code())) {
                    row.merge(metric, value, BigDecimal::add);
                }
            });
        }
        return summed;
    }

    private static Table activityTable(Map<PeriodAtClinic, Map<String, BigDecimal>> summed, Periods periods, Shown shown) {
        List<String> columns = List.of(periods.unit().equals("week") ? "Week" : "Day", "Clinic", "Booked", "Completed",
                "Cancelled", "Late cancels", "No-shows", "IV sessions", "Spravato sessions", "Infusions", "Booked chair-hours",
                "Offered chair-hours", "Chair utilization", "Charged", "Paid", "Refunded");
        List<List<Table.Cell>> rows = new ArrayList<>();
        summed.forEach((key, figures) -> {
            List<Table.Cell> row = new ArrayList<>(List.of(Table.Cell.text(periods.label(key.period())),
                    Table.Cell.text(shown.clinic(key.clinicId()).name())));
            ACTIVITY_COLUMNS.forEach(metric -> row.add(Cells.count(figures.get(metric.code()))));
            row.add(Cells.hours(figures.get(Metric.BOOKED_CHAIR_MINUTES.code())));
            row.add(Cells.hours(figures.get(Metric.AVAILABLE_CHAIR_MINUTES.code())));
            row.add(Cells.rate(share(figures.get(Metric.BOOKED_CHAIR_MINUTES.code()), figures.get(Metric.AVAILABLE_CHAIR_MINUTES.code()))));
            row.add(Cells.money(figures.get(Metric.CHARGED.code())));
            row.add(Cells.money(figures.get(Metric.PAID.code())));
            row.add(Cells.money(figures.get(Metric.REFUNDED.code())));
            rows.add(row);
        });
        return new Table("activity", "Activity per " + periods.unit(), columns, rows,
                "No clinic shown was open, booked or treating on these days.");
    }

    private static Table comparisonTable(List<ClinicActivity.Comparison> compared, Shown shown) {
        List<List<Table.Cell>> rows = compared.stream().map(c -> List.of(Table.Cell.text(shown.clinic(c.clinicId()).name()),
                Table.Cell.text(shown.clinic(c.clinicId()).region()),
                Cells.count(sum(c.totals(), Metric.IV_SESSIONS, Metric.SPRAVATO_SESSIONS)),
                Cells.count(c.totals().get(Metric.INFUSIONS_ADMINISTERED.code())),
                Cells.count(c.totals().get(Metric.APPOINTMENTS_BOOKED.code())),
                Cells.rate(c.noShowRate()), Cells.rate(c.lateCancelRate()), Cells.rate(c.chairUtilization()),
                Cells.money(c.totals().get(Metric.CHARGED.code())), Cells.money(c.totals().get(Metric.PAID.code())),
                Cells.money(c.totals().get(Metric.REFUNDED.code())))).toList();
        return new Table("comparison", "Clinics compared", List.of("Clinic", "Region", "Sessions", "Infusions", "Booked", "No-show rate",
                "Late-cancel rate", "Chair utilization", "Charged", "Paid", "Refunded"), rows, "No clinic matches the filter.");
    }

    /**
     * One series per clinic over the periods; for utilization the value is booked over offered
     * chair-minutes of the period (as a percentage), else the summed figure.
     */
    private static Chart perPeriodChart(String id, String kind, String title, boolean stacked, String unit, Periods periods,
            Map<PeriodAtClinic, Map<String, BigDecimal>> summed, Shown shown, Function<Map<String, BigDecimal>, BigDecimal> value,
            boolean utilization) {
        List<LocalDate> all = periods.all();
        List<Chart.Series> series = shown.clinics().values().stream().map(clinic -> new Chart.Series(clinic.name(),
                all.stream().map(period -> {
                    Map<String, BigDecimal> figures = summed.getOrDefault(new PeriodAtClinic(period, clinic.id()), Map.of());
                    if (!utilization) {
                        return value.apply(figures);
                    }
                    BigDecimal share = share(value.apply(figures), figures.get(Metric.AVAILABLE_CHAIR_MINUTES.code()));
                    return share == null ? null : share.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
                }).toList(), clinic.colour())).toList();
        return new Chart(id, kind, title, stacked, unit, all.stream().map(periods::label).toList(), series, "activity");
    }

    private static Chart revenueChart(List<ClinicActivity.Comparison> compared, Shown shown) {
        List<String> labels = compared.stream().map(c -> shown.clinic(c.clinicId()).name()).toList();
        return new Chart("revenue-chart", "bar", "Revenue by clinic", false, "money", labels, List.of(
                new Chart.Series("Charged", compared.stream().map(c -> c.totals().getOrDefault(Metric.CHARGED.code(), BigDecimal.ZERO)).toList()),
                new Chart.Series("Paid", compared.stream().map(c -> c.totals().getOrDefault(Metric.PAID.code(), BigDecimal.ZERO)).toList())),
                "comparison");
    }

    private static BigDecimal sum(Map<String, BigDecimal> figures, Metric... metrics) {
        BigDecimal total = BigDecimal.ZERO;
        for (Metric metric : metrics) {
            total = total.add(figures.getOrDefault(metric.code(), BigDecimal.ZERO));
        }
        return total;
    }
}
