package dev.assay.runner.ingest;

import java.util.List;

/**
 * Column types settled on the first rows of a file, for the one-pass read, and what must still be watched in the
 * rows after them so that the result is the one the two-pass read (types from all values) would give:
 *
 * <ul>
 *   <li>a number, boolean or date column: each later cell is checked by its {@link ColumnSink} as it is staged,
 *       and one that fits no longer throws {@link ColumnSink.Misfit};</li>
 *   <li>a text column, or a date column whose day/month order is ambiguous so far: its {@link ColumnGuess} keeps
 *       reading every cell, because its stray values and warning depend on all of them; at the end its decision
 *       must still have the sampled type and layout;</li>
 *   <li>a column with no value in the sample: its type is unknown, so any later value is a misfit.</li>
 * </ul>
 */
final class SampledTypes {

    /** Rows read before the types are settled. */
    static final int SAMPLE_ROWS = 10_000;

    private final List<ColumnGuess> guesses;
    private final ColumnGuess.Decision[] sampled;
    private final boolean[] tracked;
    private final boolean[] empty;

    SampledTypes(List<ColumnGuess> guesses) {
        this.guesses = guesses;
        int n = guesses.size();
        sampled = new ColumnGuess.Decision[n];
        tracked = new boolean[n];
        empty = new boolean[n];
        for (int i = 0; i < n; i++) {
            ColumnGuess guess = guesses.get(i);
            ColumnGuess.Decision decision = guess.decide();
            sampled[i] = decision;
            empty[i] = guess.present() == 0;
            tracked[i] = !empty[i]
                    && (decision.type() == dev.assay.model.dataset.ColumnType.STRING
                            || decision.warning().isPresent());
        }
    }

    /** The type each column is read as. */
    ColumnGuess.Decision sampled(int column) {
        return sampled[column];
    }

    /** Looks at a row after the sample; throws {@link ColumnSink.Misfit} for a value in a column empty so far. */
    void observe(String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            if (tracked[i]) {
                guesses.get(i).add(cells[i]);
            } else if (empty[i] && !guesses.get(i).markers().isMissing(cells[i])) {
                throw ColumnSink.MISFIT;
            }
        }
    }

    /**
     * The decision over all of the column's values, once the file is read: the sampled one for checked columns
     * (every later value fitted it), the guess's own for tracked ones, which must not have changed type or layout.
     */
    ColumnGuess.Decision settled(int column) {
        if (!tracked[column]) {
            return sampled[column];
        }
        ColumnGuess.Decision decision = guesses.get(column).decide();
        if (decision.type() != sampled[column].type() || !decision.layout().equals(sampled[column].layout())) {
            throw ColumnSink.MISFIT;
        }
        return decision;
    }
}
