package org.carecourse.operations.dashboard.query;

import static org.carecourse.operations.activity.query.ClinicActivity.share;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.carecourse.operations.activity.query.ClinicActivity;
import org.carecourse.operations.activity.query.Metric;
import org.carecourse.operations.funnel.query.IntakeFunnel;
import org.carecourse.operations.outcome.query.CourseOutcomes;
import org.carecourse.operations.receivable.query.ClinicReceivables;
import org.carecourse.operations.region.query.ClinicRegions;
import org.carecourse.operations.watch.query.ClinicWatch;
import org.carecourse.servicekit.web.DateRanges;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboard of a set of clinics over a range, assembled from every read model: headline
 * figures, charts, and the tables behind them (each exportable as CSV). Aggregates and ids only:
 * no read model operations keeps holds a name or a clinical note. Days are each clinic's own.
 */
@Component
public class DashboardReport {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");
    /** Distinguishable colours (Okabe–Ito, safe for colour-blind readers), one per clinic in the caller's list. */
    private static final List<String> CLINIC_COLOURS = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
            "#F0E442", "#000000");

    private final JdbcClient jdbc;
    private final ClinicActivity activity;
    private final IntakeFunnel funnel;
    private final ClinicWatch watch;
    private final CourseOutcomes outcomes;
    private final ClinicReceivables receivables;
    private final ClinicRegions regions;
    private final ConsumerLag lag;
    private final Clock clock;

    DashboardReport(JdbcClient jdbc, ClinicActivity activity, IntakeFunnel funnel, ClinicWatch watch, CourseOutcomes outcomes,
            ClinicReceivables receivables, ClinicRegions regions, ConsumerLag lag, Clock clock) {
        this.jdbc = jdbc;
        this.activity = activity;
        this.funnel = funnel;
        this.watch = watch;
        this.outcomes = outcomes;
        this.receivables = receivables;
        this.regions = regions;
        this.lag = lag;
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
        List<UUID> ids = shown.stream().map(Clinic::id).toList();
        Map<UUID, Clinic> byId = new LinkedHashMap<>();
        shown.forEach(c -> byId.put(c.id(), c));
        Instant now = clock.instant();

        List<ClinicActivity.Day> days = ids.isEmpty() ? List.of() : activity.days(ids, filter.from(), filter.to());
        List<ClinicActivity.Comparison> compared = ids.isEmpty() ? List.of()
                : inOrder(ids, activity.compare(ids, filter.from(), filter.to()), ClinicActivity.Comparison::clinicId);
        List<IntakeFunnel.Funnel> funnels = ids.stream().map(id -> funnel.of(id, filter.from(), filter.to())).toList();
        List<ClinicWatch.Watch> watched = ids.isEmpty() ? List.of() : inOrder(ids, watch.of(ids, now), ClinicWatch.Watch::clinicId);
        List<CourseOutcomes.Outcomes> outcome = ids.isEmpty() ? List.of() : inOrder(ids, outcomes.of(ids), CourseOutcomes.Outcomes::clinicId);
        List<ClinicReceivables.Aging> aging = ids.isEmpty() ? List.of() : inOrder(ids, receivables.of(ids, now), ClinicReceivables.Aging::clinicId);
        ConsumerLag.Reading lagging = lag.current();

        Periods periods = new Periods(filter);
        Table activityTable = activityTable(days, periods, byId);
        Table comparisonTable = comparisonTable(compared, byId);
        Table funnelTable = funnelTable(funnels, byId);
        List<Table> tables = List.of(activityTable, comparisonTable, funnelTable, watchTable(watched, byId), outcomesTable(outcome, byId),
                receivablesTable(aging, byId), lagTable(lagging));
        List<Chart> charts = List.of(
                perPeriodChart("sessions-chart", "bar", "Sessions per " + periods.unit() + " (IV and Spravato)", true, "count", periods,
                        days, byId, figures -> sum(figures, Metric.IV_SESSIONS, Metric.SPRAVATO_SESSIONS), false),
                perPeriodChart("utilization-chart", "line", "Chair utilization per " + periods.unit() + " (booked of offered chair-hours)",
                        false, "percent", periods, days, byId, figures -> figures.getOrDefault(Metric.BOOKED_CHAIR_MINUTES.code(),
                                BigDecimal.ZERO), true),
                funnelChart(funnels, byId),
                revenueChart(compared, byId),
                receivablesChart(aging, byId));
        return new Dashboard(filter, available, regionNames, shown, tiles(compared, watched, aging, lagging), charts, tables, now);
    }

    private List<Tile> tiles(List<ClinicActivity.Comparison> compared, List<ClinicWatch.Watch> watched, List<ClinicReceivables.Aging> aging,
            ConsumerLag.Reading lagging) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        compared.forEach(c -> c.totals().forEach((metric, value) -> totals.merge(metric, value, BigDecimal::add)));
        BigDecimal booked = totals.get(Metric.APPOINTMENTS_BOOKED.code());
        BigDecimal sessions = sum(totals, Metric.IV_SESSIONS, Metric.SPRAVATO_SESSIONS);
        Long behind = lagging.total();
        return List.of(
                new Tile("sessions", "Sessions", Cells.count(sessions).display(), "IV and Spravato sessions started"),
                new Tile("infusions", "Infusions", Cells.count(totals.get(Metric.INFUSIONS_ADMINISTERED.code())).display(),
                        "IV infusions administered"),
                new Tile("chair-utilization", "Chair utilization", Cells.percent(share(totals.get(Metric.BOOKED_CHAIR_MINUTES.code()),
                        totals.get(Metric.AVAILABLE_CHAIR_MINUTES.code()))), "booked of offered chair-hours"),
                new Tile("no-show-rate", "No-show rate", Cells.percent(share(totals.get(Metric.NO_SHOWS.code()), booked)),
                        "of appointments booked"),
                new Tile("late-cancel-rate", "Late-cancel rate", Cells.percent(share(totals.get(Metric.LATE_CANCELLATIONS.code()), booked)),
                        "of appointments booked"),
                new Tile("charged", "Charged", Cells.money(totals.get(Metric.CHARGED.code())).display(), "net of voids"),
                new Tile("paid", "Paid", Cells.money(totals.get(Metric.PAID.code())).display(), "payments received"),
                new Tile("open-safety-alerts", "Open safety alerts", Cells.count(watched.stream().mapToLong(ClinicWatch.Watch::openSafetyAlerts)
                        .sum()).display(), "now"),
                new Tile("rems-overdue", "REMS forms overdue", Cells.count(watched.stream().mapToLong(ClinicWatch.Watch::remsFormsOverdue)
                        .sum()).display(), "now"),
                new Tile("receivable", "Receivable", Cells.money(aging.stream().map(ClinicReceivables.Aging::receivable)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)).display(), "owed on issued invoices, now"),
                new Tile("consumer-lag", "Events not yet shown", behind == null ? Cells.NONE : Cells.count(behind).display(),
                        behind == null ? "the broker did not answer" : "published, not yet in these figures"));
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

    private static final List<Metric> ACTIVITY_COLUMNS = List.of(Metric.APPOINTMENTS_BOOKED, Metric.APPOINTMENTS_COMPLETED,
            Metric.CANCELLATIONS, Metric.LATE_CANCELLATIONS, Metric.NO_SHOWS, Metric.IV_SESSIONS, Metric.SPRAVATO_SESSIONS,
            Metric.INFUSIONS_ADMINISTERED);

    /** Each clinic's figures per day or week, summed over the clinic's own days. */
    private static Map<String, Map<String, BigDecimal>> byPeriodAndClinic(List<ClinicActivity.Day> days, Periods periods) {
        Map<String, Map<String, BigDecimal>> summed = new TreeMap<>();
        for (ClinicActivity.Day day : days) {
            Map<String, BigDecimal> row = summed.computeIfAbsent(periods.of(day.day()) + "/" + day.clinicId(), k -> new TreeMap<>());
            day.figures().forEach((metric, value) -> {
                if (!metric.equals(Metric.CHAIR_UTILIZATION.code())) {
                    row.merge(metric, value, BigDecimal::add);
                }
            });
        }
        return summed;
    }

    private static Table activityTable(List<ClinicActivity.Day> days, Periods periods, Map<UUID, Clinic> clinics) {
        List<String> columns = new ArrayList<>(List.of(periods.unit().equals("week") ? "Week" : "Day", "Clinic", "Booked", "Completed",
                "Cancelled", "Late cancels", "No-shows", "IV sessions", "Spravato sessions", "Infusions", "Booked chair-hours",
                "Offered chair-hours", "Chair utilization", "Charged", "Paid", "Refunded"));
        List<List<Table.Cell>> rows = new ArrayList<>();
        byPeriodAndClinic(days, periods).forEach((key, figures) -> {
            LocalDate period = LocalDate.parse(key.substring(0, key.indexOf('/')));
            UUID clinicId = UUID.fromString(key.substring(key.indexOf('/') + 1));
            List<Table.Cell> row = new ArrayList<>(List.of(Table.Cell.text(periods.label(period)), Table.Cell.text(clinics.get(clinicId).name())));
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

    private static Table comparisonTable(List<ClinicActivity.Comparison> compared, Map<UUID, Clinic> clinics) {
        List<List<Table.Cell>> rows = compared.stream().map(c -> List.of(Table.Cell.text(clinics.get(c.clinicId()).name()),
                Table.Cell.text(clinics.get(c.clinicId()).region()),
                Cells.count(sum(c.totals(), Metric.IV_SESSIONS, Metric.SPRAVATO_SESSIONS)),
                Cells.count(c.totals().get(Metric.INFUSIONS_ADMINISTERED.code())),
                Cells.count(c.totals().get(Metric.APPOINTMENTS_BOOKED.code())),
                Cells.rate(c.noShowRate()), Cells.rate(c.lateCancelRate()), Cells.rate(c.chairUtilization()),
                Cells.money(c.totals().get(Metric.CHARGED.code())), Cells.money(c.totals().get(Metric.PAID.code())),
                Cells.money(c.totals().get(Metric.REFUNDED.code())))).toList();
        return new Table("comparison", "Clinics compared", List.of("Clinic", "Region", "Sessions", "Infusions", "Booked", "No-show rate",
                "Late-cancel rate", "Chair utilization", "Charged", "Paid", "Refunded"), rows, "No clinic matches the filter.");
    }

    private static Table funnelTable(List<IntakeFunnel.Funnel> funnels, Map<UUID, Clinic> clinics) {
        List<List<Table.Cell>> rows = new ArrayList<>();
        for (IntakeFunnel.Funnel f : funnels) {
            if (f.steps().get(0).patients() == 0) {
                continue;
            }
            f.steps().forEach(step -> rows.add(List.of(Table.Cell.text(clinics.get(f.clinicId()).name()), Table.Cell.text(step.step()),
                    Cells.count(step.patients()), Cells.rate(step.conversion()), Cells.days(step.medianDaysFromPrevious()))));
        }
        return new Table("funnel", "Intake funnel (patients who asked in the range)", List.of("Clinic", "Step", "Patients",
                "Conversion from previous step", "Median days from previous step"), rows, "Nobody asked for a consultation at these clinics in this range.");
    }

    private static Table watchTable(List<ClinicWatch.Watch> watched, Map<UUID, Clinic> clinics) {
        List<List<Table.Cell>> rows = watched.stream().map(w -> {
            Clinic clinic = clinics.get(w.clinicId());
            return List.of(Table.Cell.text(clinic.name()), Cells.count(w.openSafetyAlerts()),
                    w.oldestOpenAlertRaisedAt() == null ? Table.Cell.text(Cells.NONE)
                            : new Table.Cell(LOCAL_TIME.format(w.oldestOpenAlertRaisedAt().atZone(clinic.zone())),
                                    w.oldestOpenAlertRaisedAt().toString(), false),
                    Cells.count(w.remsFormsOwed()), Cells.count(w.remsFormsOverdue()));
        }).toList();
        return new Table("watch", "Needs attention now", List.of("Clinic", "Open safety alerts", "Oldest open alert raised (clinic time)",
                "REMS forms owed", "REMS forms overdue"), rows, "No clinic matches the filter.");
    }

    private static Table outcomesTable(List<CourseOutcomes.Outcomes> outcome, Map<UUID, Clinic> clinics) {
        List<List<Table.Cell>> rows = outcome.stream().filter(o -> o.courses() > 0).map(o -> List.of(Table.Cell.text(clinics.get(o.clinicId()).name()),
                Cells.count(o.courses()), Cells.count(o.responders()), Cells.count(o.remitters()), Cells.rate(o.responseRate()),
                Cells.rate(o.remissionRate()))).toList();
        return new Table("outcomes", "Outcomes (courses with at least 3 sessions)", List.of("Clinic", "Courses", "Responders", "Remitters",
                "Response rate", "Remission rate"), rows, "No course at these clinics has had three sessions and an assessment yet.");
    }

    private static Table receivablesTable(List<ClinicReceivables.Aging> aging, Map<UUID, Clinic> clinics) {
        List<List<Table.Cell>> rows = aging.stream().map(a -> List.of(Table.Cell.text(clinics.get(a.clinicId()).name()),
                Table.Cell.text(a.currency()), Cells.money(a.days0to30()), Cells.money(a.days31to60()), Cells.money(a.days61to90()),
                Cells.money(a.over90()), Cells.money(a.receivable()))).toList();
        return new Table("receivables", "Receivables by age (days since issue)", List.of("Clinic", "Currency", "0–30", "31–60", "61–90",
                "Over 90", "Total"), rows, "No invoice is owed at these clinics.");
    }

    private static Table lagTable(ConsumerLag.Reading lagging) {
        List<List<Table.Cell>> rows = lagging.topics().stream().map(t -> List.of(Table.Cell.text(t.topic()), Table.Cell.text(t.group()),
                Cells.count(t.partitions()), t.behind() == null ? Table.Cell.text("broker did not answer") : Cells.count(t.behind()))).toList();
        return new Table("lag", "Events published but not yet in these figures", List.of("Topic", "Consumer group", "Partitions",
                "Behind (records)"), rows, "No topic is read.");
    }

    /**
     * One series per clinic over the periods; for utilization the value is booked over offered
     * chair-minutes of the period (as a percentage), else the summed figure.
     */
    private static Chart perPeriodChart(String id, String kind, String title, boolean stacked, String unit, Periods periods,
            List<ClinicActivity.Day> days, Map<UUID, Clinic> clinics, Function<Map<String, BigDecimal>, BigDecimal> value,
            boolean utilization) {
        Map<String, Map<String, BigDecimal>> summed = byPeriodAndClinic(days, periods);
        List<LocalDate> all = periods.all();
        List<Chart.Series> series = clinics.values().stream().map(clinic -> new Chart.Series(clinic.name(), all.stream().map(period -> {
            Map<String, BigDecimal> figures = summed.getOrDefault(period + "/" + clinic.id(), Map.of());
            if (!utilization) {
                return value.apply(figures);
            }
            BigDecimal share = share(value.apply(figures), figures.get(Metric.AVAILABLE_CHAIR_MINUTES.code()));
            return share == null ? null : share.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
        }).toList(), clinic.colour())).toList();
        return new Chart(id, kind, title, stacked, unit, all.stream().map(periods::label).toList(), series, "activity");
    }

    private static Chart funnelChart(List<IntakeFunnel.Funnel> funnels, Map<UUID, Clinic> clinics) {
        List<Chart.Series> series = funnels.stream().filter(f -> f.steps().get(0).patients() > 0)
                .map(f -> new Chart.Series(clinics.get(f.clinicId()).name(), f.steps().stream()
                        .map(s -> BigDecimal.valueOf(s.patients())).toList(), clinics.get(f.clinicId()).colour())).toList();
        return new Chart("funnel-chart", "bar", "Intake funnel: patients at each step", false, "count", IntakeFunnel.STEPS, series,
                "funnel");
    }

    private static Chart revenueChart(List<ClinicActivity.Comparison> compared, Map<UUID, Clinic> clinics) {
        List<String> labels = compared.stream().map(c -> clinics.get(c.clinicId()).name()).toList();
        return new Chart("revenue-chart", "bar", "Revenue by clinic", false, "money", labels, List.of(
                new Chart.Series("Charged", compared.stream().map(c -> c.totals().getOrDefault(Metric.CHARGED.code(), BigDecimal.ZERO)).toList()),
                new Chart.Series("Paid", compared.stream().map(c -> c.totals().getOrDefault(Metric.PAID.code(), BigDecimal.ZERO)).toList())),
                "comparison");
    }

    private static Chart receivablesChart(List<ClinicReceivables.Aging> aging, Map<UUID, Clinic> clinics) {
        List<String> labels = aging.stream().map(a -> clinics.get(a.clinicId()).name()).toList();
        return new Chart("receivables-chart", "bar", "Receivables by age", true, "money", labels, List.of(
                new Chart.Series("0–30", aging.stream().map(ClinicReceivables.Aging::days0to30).toList()),
                new Chart.Series("31–60", aging.stream().map(ClinicReceivables.Aging::days31to60).toList()),
                new Chart.Series("61–90", aging.stream().map(ClinicReceivables.Aging::days61to90).toList()),
                new Chart.Series("Over 90", aging.stream().map(ClinicReceivables.Aging::over90).toList())), "receivables");
    }

    /** A read model's rows in the order the clinics are shown. */
    private static <T> List<T> inOrder(List<UUID> ids, List<T> rows, Function<T, UUID> clinic) {
        return rows.stream().sorted(Comparator.comparingInt(row -> ids.indexOf(clinic.apply(row)))).toList();
    }

    private static BigDecimal sum(Map<String, BigDecimal> figures, Metric... metrics) {
        BigDecimal total = BigDecimal.ZERO;
        for (Metric metric : metrics) {
            total = total.add(figures.getOrDefault(metric.code(), BigDecimal.ZERO));
        }
        return total;
    }

}
