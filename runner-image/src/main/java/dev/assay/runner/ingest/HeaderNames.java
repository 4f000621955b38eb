package dev.assay.runner.ingest;

import dev.assay.runner.core.InputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Header naming: the column names a table gets from the cells of a CSV header. */
final class HeaderNames {

    private HeaderNames() {}

    /** Header cells made usable: stripped, blank ones named, repeated ones numbered, each change reported. */
    static List<String> of(String[] cells, String file, int maxColumns, List<String> warnings) {
        if (cells.length > maxColumns) {
            throw new InputException(file, "has " + cells.length + " columns; at most " + maxColumns + " are allowed");
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i] == null ? "" : cells[i].strip();
            String name = cell;
            if (name.isEmpty()) {
                name = "column_" + (i + 1);
                warnings.add("column " + (i + 1) + " has no name in the header; it is called '" + name + "'");
            }
            String unique = name;
            for (int n = 2; !seen.add(unique); n++) {
                unique = name + "_" + n;
            }
            if (!unique.equals(name)) {
                warnings.add("the header names '" + name + "' more than once; column " + (i + 1) + " is called '"
                        + unique + "'");
            }
            names.add(unique);
        }
        return names;
    }
}
