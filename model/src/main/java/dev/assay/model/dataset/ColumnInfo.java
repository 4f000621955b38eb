package dev.assay.model.dataset;

import java.util.List;
import java.util.Objects;

/**
 * What validation needs to know of one column: its name, storage type and kind, how many values are
 * missing and distinct, and its categories when they are few enough to be listed (empty when unknown).
 */
public record ColumnInfo(
        String name, ColumnType type, VariableKind kind, long missing, long distinct, List<String> categories) {

    public ColumnInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kind, "kind");
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    public static ColumnInfo of(String name, ColumnType type, VariableKind kind) {
        return new ColumnInfo(name, type, kind, 0, 0, List.of());
    }

    public boolean isNumeric() {
        return type.isNumeric();
    }

    public boolean hasMissing() {
        return missing > 0;
    }

    public ColumnInfo withName(String newName) {
        return new ColumnInfo(newName, type, kind, missing, distinct, categories);
    }

    public ColumnInfo withMissing(long newMissing) {
        return new ColumnInfo(name, type, kind, newMissing, distinct, categories);
    }

    public ColumnInfo withType(ColumnType newType, VariableKind newKind) {
        return new ColumnInfo(
                name, newType, newKind, missing, distinct, newType == ColumnType.STRING ? categories : List.of());
    }
}
