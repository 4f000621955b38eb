package dev.assay.api.jobs;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * New job and run ids: a kind letter and 16 random hex digits ({@code j-7f3a09c2d1e4b5a6}). Unguessable, since
 * knowing a job id is what gives access to its files; valid as artifact key segments and Kubernetes names.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static String newJobId() {
        return "j-" + random();
    }

    public static String newRunId() {
        return "r-" + random();
    }

    /** An assistant request, whose context.json is kept under the job. */
    public static String newAssistantId() {
        return "a-" + random();
    }

    /**
     * An id quoted for a message, or empty when it is not an id at all: a 5,000-character or scripted "id" is
     * not echoed back to whoever sent it.
     */
    public static java.util.Optional<String> quoted(String id) {
        return dev.assay.runner.storage.ArtifactKeys.isId(id)
                ? java.util.Optional.of("'" + id + "'")
                : java.util.Optional.empty();
    }

    private static String random() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
