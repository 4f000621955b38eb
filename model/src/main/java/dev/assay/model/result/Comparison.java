package dev.assay.model.result;

import java.util.List;
import org.jspecify.annotations.NullMarked;

/**
 * The dataset before and after a run, and which alerts the run cleared, hid or raised.
 *
 * @param alertsCleared alerts gone because their cause went away (a column dropped, duplicates removed, values fixed)
 * @param alertsHidden  alerts gone only because the run filled their column: the cells are no longer missing, but
 *                      their values were invented, not found
 * @param alertsAdded   alerts the run raised
 */
@NullMarked
public record Comparison(
        Side before, Side after, List<String> alertsCleared, List<String> alertsAdded, List<HiddenAlert> alertsHidden) {

    public Comparison {
        alertsCleared = List.copyOf(alertsCleared);
        alertsAdded = List.copyOf(alertsAdded);
        alertsHidden = alertsHidden == null ? List.of() : List.copyOf(alertsHidden);
    }

    public Comparison(Side before, Side after, List<String> alertsCleared, List<String> alertsAdded) {
        this(before, after, alertsCleared, alertsAdded, List.of());
    }

    @NullMarked
    public record Side(long rows, int columns, long missingCells, int alerts) {}

    /**
     * An alert that disappeared because its column was filled.
     *
     * @param column        the filled column
     * @param message       the alert as the profile before the run gave it
     * @param cellsInvented cells of that column the run filled
     */
    @NullMarked
    public record HiddenAlert(String column, String message, long cellsInvented) {

        /** For example {@code hidden by filling (687 cells invented): Cabin is 77 % missing}. */
        public String describe() {
            return "hidden by filling (" + cellsInvented + " cell" + (cellsInvented == 1 ? "" : "s") + " invented): "
                    + message;
        }
    }
}
