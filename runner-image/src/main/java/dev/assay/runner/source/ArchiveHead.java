package dev.assay.runner.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

/**
 * What the first bytes of a gzip file or zip archive already tell about it, so the upload can refuse a
 * compression bomb or an entry that climbs out of the archive before anything is stored. The head is inflated
 * only up to {@link Archives#MAX_RATIO} times its size: a real CSV never gets there, a bomb does at once. The
 * engine checks the whole file again with the same limits.
 */
public final class ArchiveHead {

    private ArchiveHead() {}

    /** Why the archive that starts with {@code head} must be refused, or empty when its start looks sound. */
    public static Optional<String> problem(byte[] head) {
        return switch (SourceKind.of(head)) {
            case GZIP -> gzip(head);
            case ZIP -> zip(head);
            default -> Optional.empty();
        };
    }

    private static Optional<String> gzip(byte[] head) {
        long cap = cap(head.length);
        long inflated = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(head))) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                inflated += n;
                if (inflated > cap) {
                    return Optional.of(bomb());
                }
            }
        } catch (IOException e) {
            // The head ends inside the stream, or the stream is damaged: the engine says which when it reads it.
        }
        return Optional.empty();
    }

    private static Optional<String> zip(byte[] head) {
        if (head.length < 30 || head[2] != 3 || head[3] != 4) {
            return Optional.empty();
        }
        int flags = u16(head, 6);
        int method = u16(head, 8);
        long compressed = u32(head, 18);
        long size = u32(head, 22);
        int nameLength = u16(head, 26);
        int extraLength = u16(head, 28);
        if (30 + nameLength > head.length) {
            return Optional.empty();
        }
        String name = new String(
                head,
                30,
                nameLength,
                (flags & 0x800) != 0
                        ? java.nio.charset.StandardCharsets.UTF_8
                        : java.nio.charset.StandardCharsets.ISO_8859_1);
        Optional<String> unsafe = Archives.unsafeName(name);
        if (unsafe.isPresent()) {
            return Optional.of("it holds an entry named '" + name + "' " + unsafe.get());
        }
        boolean sizesKnown = (flags & 0x8) == 0;
        if (sizesKnown && size > Archives.RATIO_FLOOR && size / Math.max(1, compressed) > Archives.MAX_RATIO) {
            return Optional.of(bomb() + " (its first entry, '" + name + "', says so)");
        }
        int data = 30 + nameLength + extraLength;
        if (method != 8 || data >= head.length) {
            return Optional.empty();
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(head, data, head.length - data);
            long cap = cap(head.length - data);
            long inflated = 0;
            byte[] buffer = new byte[64 * 1024];
            while (!inflater.finished() && !inflater.needsInput()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsDictionary() || inflater.needsInput())) {
                    break;
                }
                inflated += n;
                if (inflated > cap) {
                    return Optional.of(bomb() + " (its first entry, '" + name + "')");
                }
            }
        } catch (DataFormatException e) {
            // Damaged data: the engine reports it with the entry's name.
        } finally {
            inflater.end();
        }
        return Optional.empty();
    }

    private static long cap(long compressed) {
        return Archives.MAX_RATIO * compressed + Archives.RATIO_FLOOR;
    }

    private static String bomb() {
        return "it expands more than " + Archives.MAX_RATIO + " times, like a compression bomb";
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (u16(b, at) | (long) u16(b, at + 2) << 16) & 0xFFFFFFFFL;
    }
}
