package dev.assay.model.profile;

/** Lengths in characters (code points) of a text or categorical column's values. */
public record TextStats(int minLength, double meanLength, double medianLength, int maxLength, Histogram lengths) {}
