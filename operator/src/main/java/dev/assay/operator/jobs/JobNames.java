package dev.assay.operator.jobs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The fixed name of a resource's Job: {@code <name>-<suffix>}, shortened with a hash to fit 63 characters. */
public final class JobNames {

    static final int MAX = 63;

    private JobNames() {}

    public static String of(String resourceName, String suffix) {
        String name = resourceName + "-" + suffix;
        if (name.length() <= MAX) {
            return name;
        }
        String hash = hash(resourceName).substring(0, 8);
        int keep = MAX - suffix.length() - hash.length() - 2;
        String head = resourceName.substring(0, keep).replaceAll("[-.]+$", "");
        return head + "-" + hash + "-" + suffix;
    }

    private static String hash(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
