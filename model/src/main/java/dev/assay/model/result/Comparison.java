package dev.assay.model.result;

import java.util.List;

/** The dataset before and after a run, and which alerts the run cleared or raised. */
public record Comparison(Side before, Side after, List<String> alertsCleared, List<String> alertsAdded) {

    public Comparison {
        alertsCleared = List.copyOf(alertsCleared);
        alertsAdded = List.copyOf(alertsAdded);
    }

    public record Side(long rows, int columns, long missingCells, int alerts) {
    }
}
