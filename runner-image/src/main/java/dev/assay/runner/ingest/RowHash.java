package dev.assay.runner.ingest;

/**
 * A 64-bit hash of a row as the duplicate check sees it: each cell stripped, any missing marker alike. Equal rows
 * have equal hashes; the typed values decide between rows whose hashes are equal. Computed on the parsing thread,
 * while the cells are fresh in its cache, to take work off the thread that builds the columns.
 */
final class RowHash {

    private RowHash() {}

    static long of(String[] cells) {
        return of(cells, Markers.DEFAULT);
    }

    static long of(String[] cells, Markers markers) {
        long h = 0xcbf29ce484222325L;
        for (String cell : cells) {
            if (markers.isMissing(cell)) {
                h = (h ^ 0x1F) * 0x100000001b3L;
            } else {
                // Computed here, on the parsing thread, String's own hash is cached in the cell for the text columns'
                // counts, which would otherwise compute it on the reading thread.
                cell.hashCode();
                String value = cell.strip();
                for (int i = 0; i < value.length(); i++) {
                    h = (h ^ value.charAt(i)) * 0x100000001b3L;
                }
            }
            h = (h ^ 0x1E) * 0x100000001b3L;
        }
        // splitmix64 finaliser: spreads FNV's weak low bits before they index the hash map
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
