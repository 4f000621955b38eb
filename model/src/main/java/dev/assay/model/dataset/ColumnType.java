package dev.assay.model.dataset;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a column's values are stored once ingested. */
public enum ColumnType {
    @JsonProperty("integer")
    INTEGER,
    @JsonProperty("decimal")
    DECIMAL,
    @JsonProperty("boolean")
    BOOLEAN,
    @JsonProperty("date")
    DATE,
    @JsonProperty("datetime")
    DATETIME,
    @JsonProperty("string")
    STRING;

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }

    public boolean isTemporal() {
        return this == DATE || this == DATETIME;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
