package org.carecourse.operations.dashboard.query;

import java.math.BigDecimal;
import java.util.List;

/**
 * A chart drawn from one of the dashboard's tables ({@code tableId}): the page shows the table
 * beside it, so every figure a chart shows can also be read (and exported) as numbers.
 */
public record Chart(String id, String kind, String title, boolean stacked, String unit, List<String> labels, List<Series> series,
        String tableId) {

    /** {@code color}: a clinic keeps its colour on every chart and page (null: the chart's own palette). */
    public record Series(String label, List<BigDecimal> values, String color) {

        public Series(String label, List<BigDecimal> values) {
            this(label, values, null);
        }
    }
}
