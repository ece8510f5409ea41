package org.carecourse.operations.dashboard.query;

import java.util.List;

/**
 * One table of a dashboard, shown on the page and exported as CSV from the same rows: each cell
 * keeps its display text (formatted for people, dates in the clinic's zone) and its raw value
 * (plain numbers for spreadsheets). {@code empty} says why a table without rows is empty.
 */
public record Table(String id, String title, List<String> columns, List<List<Cell>> rows, String empty) {

    public record Cell(String display, String raw, boolean numeric) {

        public static Cell text(String value) {
            String shown = value == null ? "" : value;
            return new Cell(shown, shown, false);
        }

        public static Cell number(String display, String raw) {
            return new Cell(display, raw, true);
        }
    }
}
