package dev.assay.runner.source;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Skips runs of plain ASCII bytes eight at a time. A CSV is mostly ASCII, and its few other bytes are all that
 * checking it as UTF-8 or sampling it for the encoding detector has to look at: an ASCII byte is a character by
 * itself and is never part of a multi-byte one.
 */
final class AsciiRuns {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x0101010101010101L;

    private AsciiRuns() {}

    /** The index of the first byte of {@code buffer[from, to)} at or above 0x80, or {@code to}. */
    static int nextNonAscii(byte[] buffer, int from, int to) {
        int i = from;
        while (i + Long.BYTES <= to && ((long) LONGS.get(buffer, i) & HIGH_BITS) == 0) {
            i += Long.BYTES;
        }
        while (i < to && buffer[i] >= 0) {
            i++;
        }
        return i;
    }

    /** The index of the first byte of {@code buffer[from, to)} at or above 0x80 or equal to 0, or {@code to}. */
    static int nextNonAsciiOrZero(byte[] buffer, int from, int to) {
        int i = from;
        while (i + Long.BYTES <= to) {
            long word = (long) LONGS.get(buffer, i);
            // A zero byte borrows into its own high bit when 1 is taken from each byte (and no byte is above 0x7F).
            if ((word & HIGH_BITS) != 0 || ((word - LOW_BITS) & ~word & HIGH_BITS) != 0) {
                break;
            }
            i += Long.BYTES;
        }
        while (i < to && buffer[i] > 0) {
            i++;
        }
        return i;
    }
}
