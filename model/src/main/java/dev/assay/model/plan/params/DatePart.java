package dev.assay.model.plan.params;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum DatePart {
    @JsonProperty("year")
    YEAR,
    @JsonProperty("month")
    MONTH,
    @JsonProperty("day")
    DAY,
    @JsonProperty("weekday")
    WEEKDAY,
    @JsonProperty("hour")
    HOUR;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
