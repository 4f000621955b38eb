package dev.assay.runner.engine;

/**
 * Limits and switches of the engine. Every field has a safe default; the api and the CLI override them
 * from configuration.
 *
 * @param maxFileBytes         largest CSV accepted
 * @param maxColumns           most columns accepted
 * @param maxCellChars         longest cell accepted
 * @param dropDuplicates       drop exact duplicate rows on ingest (the seed's behaviour)
 * @param neutraliseFormulas   prefix exported cells starting with = + - @ so spreadsheets do not run them
 * @param maxOneHotCategories  default cap of new columns per one-hot encoded column
 */
public record EngineConfig(long maxFileBytes, int maxColumns, int maxCellChars, boolean dropDuplicates,
                           boolean neutraliseFormulas, int maxOneHotCategories) {

    public static EngineConfig defaults() {
        return new EngineConfig(2L * 1024 * 1024 * 1024, 1000, 100_000, true, true, 20);
    }
}
