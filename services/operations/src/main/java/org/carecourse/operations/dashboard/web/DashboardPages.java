package org.carecourse.operations.dashboard.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.carecourse.operations.OperationsAccess;
import org.carecourse.operations.dashboard.live.DashboardChanges;
import org.carecourse.operations.dashboard.query.DashboardFilter;
import org.carecourse.operations.dashboard.query.DashboardReport;
import org.carecourse.operations.dashboard.query.Table;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard pages for operations staff: the chain overview and each clinic's page (the same
 * report for one clinic), filtered by range, region and clinic, by day or week; a background
 * refresh asks for the report's fragment alone; every table downloads as CSV; and a stream of
 * server-sent events tells the page when figures changed.
 */
@Controller
@PreAuthorize(OperationsAccess.FIGURES)
class DashboardPages {

    /** The default range: the last four weeks and the next two (bookings ahead are part of the picture). */
    private static final int DEFAULT_DAYS_BACK = 27;
    private static final int DEFAULT_DAYS_AHEAD = 14;
    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("HH:mm:ss zzz");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private final DashboardReport report;
    private final DashboardChanges changes;
    private final Clock clock;
    private final JsonMapper json;

    DashboardPages(DashboardReport report, DashboardChanges changes, Clock clock, JsonMapper json) {
        this.report = report;
        this.changes = changes;
        this.clock = clock;
        this.json = json;
    }

    @GetMapping("/dashboard")
    String overview(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) @Size(max = 60) String region,
            @RequestParam(required = false) @Size(max = 50) List<UUID> clinicId,
            @RequestParam(required = false) @Pattern(regexp = "day|week") String by,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        return render(filter(from, to, region, clinicId, by), null, htmx != null, model);
    }

    @GetMapping("/dashboard/clinics/{clinicId}")
    String clinic(@PathVariable UUID clinicId, @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) @Pattern(regexp = "day|week") String by,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        StaffMember.current().requireClinic(clinicId);
        return render(filter(from, to, null, List.of(clinicId), by), clinicId, htmx != null, model);
    }

    @GetMapping(path = "/dashboard/export/{tableId}.csv")
    ResponseEntity<byte[]> export(@PathVariable @Pattern(regexp = "[a-z-]{1,30}") String tableId,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) @Size(max = 60) String region,
            @RequestParam(required = false) @Size(max = 50) List<UUID> clinicId,
            @RequestParam(required = false) @Pattern(regexp = "day|week") String by) {
        DashboardFilter filter = filter(from, to, region, clinicId, by);
        Table table = report.build(StaffMember.current().clinics(), filter).table(tableId);
        if (table == null) {
            throw new NotFoundException("no dashboard table " + tableId);
        }
        String name = "carecourse-" + table.id() + "-" + filter.from() + "-to-" + filter.to() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(Csv.of(table).getBytes(StandardCharsets.UTF_8));
    }

    /** Server-sent events: {@code change} whenever a read model the dashboard shows has changed. */
    @GetMapping(path = "/dashboard/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events() {
        return changes.subscribe();
    }

    private String render(DashboardFilter filter, UUID clinicId, boolean fragment, Model model) {
        DashboardReport.Dashboard dashboard = report.build(StaffMember.current().clinics(), filter);
        model.addAttribute("dashboard", dashboard);
        // Each chart's data as JSON in an attribute of its canvas (escaped as any attribute), drawn by the page's script.
        Map<String, String> charts = new LinkedHashMap<>();
        dashboard.charts().forEach(chart -> charts.put(chart.id(), json.writeValueAsString(chart)));
        model.addAttribute("chartJson", charts);
        DashboardReport.Clinic clinic = clinicId == null ? null
                : dashboard.shown().stream().filter(c -> c.id().equals(clinicId)).findFirst().orElse(null);
        model.addAttribute("clinicPage", clinic);
        // A clinic's page tells the time in the clinic's zone; the chain overview in UTC.
        model.addAttribute("asOf", AS_OF.format(dashboard.generatedAt().atZone(clinic != null ? clinic.zone() : UTC)));
        model.addAttribute("query", query(filter));
        model.addAttribute("staff", StaffMember.current());
        return fragment ? "dashboard :: content" : "dashboard";
    }

    private DashboardFilter filter(LocalDate from, LocalDate to, String region, List<UUID> clinicId, String by) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate end = to != null ? to : (from != null ? from.plusDays(DEFAULT_DAYS_BACK + DEFAULT_DAYS_AHEAD) : today.plusDays(DEFAULT_DAYS_AHEAD));
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS_BACK + DEFAULT_DAYS_AHEAD);
        return new DashboardFilter(start, end, region, clinicId,
                "week".equals(by) ? DashboardFilter.Granularity.WEEK : DashboardFilter.Granularity.DAY);
    }

    /** The filter as a query string, for the export links and the background refresh. */
    private static String query(DashboardFilter filter) {
        StringBuilder query = new StringBuilder("from=" + filter.from() + "&to=" + filter.to() + "&by="
                + filter.granularity().name().toLowerCase());
        if (filter.region() != null) {
            query.append("&region=").append(java.net.URLEncoder.encode(filter.region(), StandardCharsets.UTF_8));
        }
        filter.clinics().forEach(id -> query.append("&clinicId=").append(id));
        return query.toString();
    }
}
