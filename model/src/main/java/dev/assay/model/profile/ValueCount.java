package dev.assay.model.profile;

public record ValueCount(String value, long count, double share) {}
