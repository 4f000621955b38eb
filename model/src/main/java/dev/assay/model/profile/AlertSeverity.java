package dev.assay.model.profile;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Declared from most to least severe. */
public enum AlertSeverity {
    @JsonProperty("critical")
    CRITICAL,
    @JsonProperty("warning")
    WARNING,
    @JsonProperty("info")
    INFO
}
