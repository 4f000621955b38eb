package dev.assay.runner.ingest;

import java.util.Arrays;

/**
 * A column's values as they are read, in blocks. A growing array ends up to half as large again as its values (the
 * 10 M-row benchmark file's columns had 13.8 M slots) and holds the old and the new copy while it grows; blocks never
 * copy, and once the read ends the column is built at its exact size, each block dropped as soon as it is copied, so
 * the values are held twice for one column at a time at most.
 *
 * <p>The first blocks double from 1,024 values, so a small file takes little; from then on a block is 4 MB exactly
 * (its 16-byte header included). On a heap of 1, 2 or 4 MB regions that is a whole number of regions: the collector
 * allocates such an array outside the young generation and frees it as soon as it is dropped, where smaller blocks
 * would be copied into the old generation while the file is read and stay there, unused, until the next marking
 * cycle.
 */
final class Blocks {

    private static final int FIRST = 1024;
    private static final int BLOCK_BYTES = 4 << 20;
    private static final int HEADER_BYTES = 16;

    private Blocks() {}

    // Why drop blocks explicitly (drain, clear) rather than let their holder die: a dead object in the old generation
    // still points at its blocks, and a young collection takes every old object's references as live, so the 4 MB
    // blocks would stay until the next marking cycle. A cleared reference lets the next young collection free them.

    /**
     * Where a row is, for values of {@code bytes} bytes: blocks 0 to {@code doublings - 1} hold {@code FIRST << k}
     * values, {@code small} in all, and every later one {@code full}.
     */
    private record Layout(int full, int doublings, int small) {
        static Layout of(int bytes) {
            int full = (BLOCK_BYTES - HEADER_BYTES) / bytes;
            int doublings = 0;
            int small = 0;
            while ((FIRST << doublings) < full) {
                small += FIRST << doublings;
                doublings++;
            }
            return new Layout(full, doublings, small);
        }

        int block(int row) {
            return row < small ? 31 - Integer.numberOfLeadingZeros(row / FIRST + 1) : doublings + (row - small) / full;
        }

        int offset(int row) {
            return row < small ? row - FIRST * ((1 << block(row)) - 1) : (row - small) % full;
        }

        int size(int block) {
            return block < doublings ? FIRST << block : full;
        }

        /**
         * Blocks enough for any int row count: the list of blocks never grows. A grown list would leave its old copy
         * in the old generation pointing at the first blocks, which would then outlive the read as a dead holder's do.
         */
        int blocks() {
            return block(Integer.MAX_VALUE - 1) + 1;
        }
    }

    private static final Layout INTS = Layout.of(Integer.BYTES);
    private static final Layout LONGS = Layout.of(Long.BYTES);
    private static final Layout BYTES = Layout.of(Byte.BYTES);

    /** Receives each value in row order, from {@link Ints#drain}. */
    interface IntSink {
        void accept(int row, int value);
    }

    /** Receives each value in row order, from {@link Longs#drain}. */
    interface LongSink {
        void accept(int row, long value);
    }

    /** Receives each value in row order, from {@link Bytes#drain}. */
    interface ByteSink {
        void accept(int row, byte value);
    }

    static final class Ints {
        private int[][] blocks = new int[INTS.blocks()][];
        /** The block being filled, and the next free place in it. */
        private int[] current = new int[0];

        private int block = -1;
        private int at;
        private int size;

        void add(int value) {
            if (at == current.length) {
                block++;
                current = new int[INTS.size(block)];
                blocks[block] = current;
                at = 0;
            }
            current[at++] = value;
            size++;
        }

        int get(int row) {
            return blocks[INTS.block(row)][INTS.offset(row)];
        }

        int size() {
            return size;
        }

        /** Hands every value over in row order, dropping each block once it is handed over; empty afterwards. */
        void drain(IntSink sink) {
            int row = 0;
            for (int b = 0; b <= block; b++) {
                int[] values = blocks[b];
                blocks[b] = null;
                int end = Math.min(values.length, size - row);
                for (int i = 0; i < end; i++) {
                    sink.accept(row + i, values[i]);
                }
                row += end;
            }
            blocks = new int[INTS.blocks()][];
            current = new int[0];
            block = -1;
            at = 0;
            size = 0;
        }

        /** Drops every value; see {@link Blocks} for why. */
        void clear() {
            Arrays.fill(blocks, null);
            blocks = new int[INTS.blocks()][];
            current = new int[0];
            block = -1;
            at = 0;
            size = 0;
        }
    }

    static final class Longs {
        private long[][] blocks = new long[LONGS.blocks()][];
        /** The block being filled, and the next free place in it. */
        private long[] current = new long[0];

        private int block = -1;
        private int at;
        private int size;

        void add(long value) {
            if (at == current.length) {
                block++;
                current = new long[LONGS.size(block)];
                blocks[block] = current;
                at = 0;
            }
            current[at++] = value;
            size++;
        }

        long get(int row) {
            return blocks[LONGS.block(row)][LONGS.offset(row)];
        }

        int size() {
            return size;
        }

        /** Hands every value over in row order, dropping each block once it is handed over; empty afterwards. */
        void drain(LongSink sink) {
            int row = 0;
            for (int b = 0; b <= block; b++) {
                long[] values = blocks[b];
                blocks[b] = null;
                int end = Math.min(values.length, size - row);
                for (int i = 0; i < end; i++) {
                    sink.accept(row + i, values[i]);
                }
                row += end;
            }
            blocks = new long[LONGS.blocks()][];
            current = new long[0];
            block = -1;
            at = 0;
            size = 0;
        }

        /** Drops every value; see {@link Blocks} for why. */
        void clear() {
            Arrays.fill(blocks, null);
            blocks = new long[LONGS.blocks()][];
            current = new long[0];
            block = -1;
            at = 0;
            size = 0;
        }
    }

    static final class Bytes {
        private byte[][] blocks = new byte[BYTES.blocks()][];
        /** The block being filled, and the next free place in it. */
        private byte[] current = new byte[0];

        private int block = -1;
        private int at;
        private int size;

        void add(byte value) {
            if (at == current.length) {
                block++;
                current = new byte[BYTES.size(block)];
                blocks[block] = current;
                at = 0;
            }
            current[at++] = value;
            size++;
        }

        byte get(int row) {
            return blocks[BYTES.block(row)][BYTES.offset(row)];
        }

        int size() {
            return size;
        }

        /** Hands every value over in row order, dropping each block once it is handed over; empty afterwards. */
        void drain(ByteSink sink) {
            int row = 0;
            for (int b = 0; b <= block; b++) {
                byte[] values = blocks[b];
                blocks[b] = null;
                int end = Math.min(values.length, size - row);
                for (int i = 0; i < end; i++) {
                    sink.accept(row + i, values[i]);
                }
                row += end;
            }
            blocks = new byte[BYTES.blocks()][];
            current = new byte[0];
            block = -1;
            at = 0;
            size = 0;
        }

        /** Drops every value; see {@link Blocks} for why. */
        void clear() {
            Arrays.fill(blocks, null);
            blocks = new byte[BYTES.blocks()][];
            current = new byte[0];
            block = -1;
            at = 0;
            size = 0;
        }
    }
}
