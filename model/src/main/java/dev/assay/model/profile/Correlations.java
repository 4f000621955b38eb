package dev.assay.model.profile;

/** Pearson and Spearman between numeric columns, Cramér's V between categorical ones. */
public record Correlations(CorrelationMatrix pearson, CorrelationMatrix spearman, CorrelationMatrix cramersV) {
}
