package dev.assay.model.profile;

/**
 * Pearson and Spearman between numeric columns, Cramér's V between categorical ones.
 *
 * @param interactions the most correlated numeric pairs with sampled points, for scatter plots
 */
public record Correlations(
        CorrelationMatrix pearson,
        CorrelationMatrix spearman,
        CorrelationMatrix cramersV,
        java.util.List<Interaction> interactions) {

    public Correlations {
        // Profiles written before interactions were drawn have none.
        interactions = interactions == null ? java.util.List.of() : java.util.List.copyOf(interactions);
    }

    public Correlations(CorrelationMatrix pearson, CorrelationMatrix spearman, CorrelationMatrix cramersV) {
        this(pearson, spearman, cramersV, java.util.List.of());
    }
}
