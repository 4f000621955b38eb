package dev.assay.model.plan.params;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.assay.model.dataset.ColumnType;
import dev.assay.model.dataset.VariableKind;

public enum CastTarget {
    @JsonProperty("int")
    INT(ColumnType.INTEGER, VariableKind.NUMERIC),
    @JsonProperty("float")
    FLOAT(ColumnType.DECIMAL, VariableKind.NUMERIC),
    @JsonProperty("datetime")
    DATETIME(ColumnType.DATETIME, VariableKind.DATETIME),
    @JsonProperty("string")
    STRING(ColumnType.STRING, VariableKind.CATEGORICAL),
    @JsonProperty("boolean")
    BOOLEAN(ColumnType.BOOLEAN, VariableKind.BOOLEAN);

    private final ColumnType columnType;
    private final VariableKind kind;

    CastTarget(ColumnType columnType, VariableKind kind) {
        this.columnType = columnType;
        this.kind = kind;
    }

    public ColumnType columnType() {
        return columnType;
    }

    public VariableKind kind() {
        return kind;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
