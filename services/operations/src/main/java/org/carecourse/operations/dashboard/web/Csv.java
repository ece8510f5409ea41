package org.carecourse.operations.dashboard.web;

import java.util.List;
import java.util.stream.Collectors;

import org.carecourse.operations.dashboard.query.Table;

/**
 * A table as RFC 4180 CSV: a header row, then raw values (plain numbers, ISO dates and instants).
 * A text cell that a spreadsheet would run as a formula (=, +, -, @) is prefixed with a quote.
 */
final class Csv {

    private Csv() {
    }

    static String of(Table table) {
        StringBuilder csv = new StringBuilder();
        csv.append(line(table.columns())).append("\r\n");
        for (List<Table.Cell> row : table.rows()) {
            csv.append(line(row.stream().map(cell -> cell.numeric() ? cell.raw() : defused(cell.raw())).toList())).append("\r\n");
        }
        return csv.toString();
    }

    private static String line(List<String> values) {
        return values.stream().map(Csv::quoted).collect(Collectors.joining(","));
    }

    private static String defused(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String quoted(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
