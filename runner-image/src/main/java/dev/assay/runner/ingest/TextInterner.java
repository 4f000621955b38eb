package dev.assay.runner.ingest;

/**
 * Hands back the first String seen with the same text, so a text column of many repeated cells holds each value
 * once (see {@link RowFeed#shareText}). Open addressing with each entry's hash kept beside it: a probe compares
 * hashes in one array and opens a String only when they match. A general hash set calls {@code equals} on every
 * String it passes, and each of those is a cache miss into a heap of millions of cells; on a big file that was
 * a sixth of all the work of reading it.
 */
final class TextInterner {

    private final int limit;
    private String[] values = new String[1 << 10];
    private int[] hashes = new int[1 << 10];
    private int size;

    /** Remembers at most {@code limit} distinct values; later new ones are handed back as they are. */
    TextInterner(int limit) {
        this.limit = limit;
    }

    /** The String first seen with {@code cell}'s text, or {@code cell} itself when it is new. */
    String intern(String cell) {
        int hash = cell.hashCode();
        int mask = values.length - 1;
        int slot = spread(hash) & mask;
        for (String value = values[slot]; value != null; value = values[slot]) {
            if (hashes[slot] == hash && value.equals(cell)) {
                return value;
            }
            slot = (slot + 1) & mask;
        }
        if (size < limit) {
            values[slot] = cell;
            hashes[slot] = hash;
            if (++size * 2 > values.length) {
                grow();
            }
        }
        return cell;
    }

    /**
     * Forgets every value once the read is over, so that its table is freed at the next young collection rather than
     * the next marking cycle (see {@link Blocks}); the values themselves stay in the columns.
     */
    void release() {
        values = new String[1];
        hashes = new int[1];
        size = 0;
    }

    int size() {
        return size;
    }

    /** Doubles the table, keeping it at most half full so that probe runs stay short. */
    private void grow() {
        String[] oldValues = values;
        int[] oldHashes = hashes;
        values = new String[oldValues.length * 2];
        hashes = new int[oldValues.length * 2];
        int mask = values.length - 1;
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] != null) {
                int slot = spread(oldHashes[i]) & mask;
                while (values[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                values[slot] = oldValues[i];
                hashes[slot] = oldHashes[i];
            }
        }
    }

    /** String's hash varies little in its low bits for short, similar texts: mixed before it picks a slot. */
    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
