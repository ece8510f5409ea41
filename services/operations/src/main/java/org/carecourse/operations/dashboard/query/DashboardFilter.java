package org.carecourse.operations.dashboard.query;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a dashboard shows: the clinics' days {@code from}–{@code to}, optionally one region and chosen clinics, by day or week. */
public record DashboardFilter(LocalDate from, LocalDate to, String region, List<UUID> clinics, Granularity granularity) {

    public static final int MAX_RANGE_DAYS = 366;

    public enum Granularity {
        DAY, WEEK
    }

    public DashboardFilter {
        clinics = clinics == null ? List.of() : List.copyOf(clinics);
        region = region == null || region.isBlank() ? null : region.strip();
        granularity = granularity == null ? Granularity.DAY : granularity;
    }
}
