package dev.assay.api.problem;

import java.util.Locale;

/** Byte counts as people read them in messages. */
public final class Sizes {

    private Sizes() {}

    public static String describe(long bytes) {
        if (bytes >= 1024L * 1024 * 1024 && bytes % (1024L * 1024 * 1024) == 0) {
            return bytes / (1024L * 1024 * 1024) + " GB";
        }
        if (bytes >= 1024L * 1024) {
            double mb = bytes / (1024.0 * 1024);
            return (mb == Math.rint(mb)
                            ? String.format(Locale.ROOT, "%.0f", mb)
                            : String.format(Locale.ROOT, "%.1f", mb))
                    + " MB";
        }
        if (bytes >= 1024) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
