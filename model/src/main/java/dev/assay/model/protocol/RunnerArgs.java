package dev.assay.model.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * The runner's command line in a pod: {@code profile-job} for a DatasetJob, {@code apply-run} for an AssistantRun.
 * The operator builds the arguments with {@link #profileJob} and {@link #applyRun}; the runner's commands declare
 * their options with these names.
 */
public final class RunnerArgs {

    public static final String PROFILE_JOB = "profile-job";
    public static final String APPLY_RUN = "apply-run";

    public static final String JOB_ID = "--job-id";
    public static final String RUN_ID = "--run-id";
    public static final String SOURCE = "--source";
    public static final String FILE_NAME = "--file-name";
    public static final String FORMAT = "--format";
    public static final String KEEP_DUPLICATES = "--keep-duplicates";
    public static final String SHEET = "--sheet";
    public static final String ENCODING = "--encoding";
    public static final String RUN_NAME = "--run-name";
    public static final String PLAN_FILE = "--plan-file";
    /** The words read as missing, as a JSON array of strings ({@code []}: every word is a value). */
    public static final String MISSING_MARKERS = "--missing-markers";

    private RunnerArgs() {}

    /** Profile {@code source} (a key in the task's scope) as dataset {@code jobId}. */
    public static List<String> profileJob(String jobId, String source, String format, boolean dropDuplicates) {
        return profileJob(
                jobId, source, format, dropDuplicates, java.util.Optional.empty(), java.util.Optional.empty());
    }

    /** As above, reading a workbook's {@code sheet} or text in {@code encoding} when given. */
    public static List<String> profileJob(
            String jobId,
            String source,
            String format,
            boolean dropDuplicates,
            java.util.Optional<String> sheet,
            java.util.Optional<String> encoding) {
        return profileJob(jobId, source, format, dropDuplicates, sheet, encoding, java.util.Optional.empty());
    }

    /** As above, reading {@code missingMarkers} as missing (the defaults when absent). */
    public static List<String> profileJob(
            String jobId,
            String source,
            String format,
            boolean dropDuplicates,
            java.util.Optional<String> sheet,
            java.util.Optional<String> encoding,
            java.util.Optional<List<String>> missingMarkers) {
        List<String> args = new ArrayList<>(List.of(PROFILE_JOB, JOB_ID, jobId, SOURCE, source, FORMAT, format));
        if (!dropDuplicates) {
            args.add(KEEP_DUPLICATES);
        }
        sheet.ifPresent(name -> args.addAll(List.of(SHEET, name)));
        encoding.ifPresent(name -> args.addAll(List.of(ENCODING, name)));
        missingMarkers.ifPresent(words -> args.addAll(List.of(MISSING_MARKERS, markersArgument(words))));
        return List.copyOf(args);
    }

    /** The value of {@link #MISSING_MARKERS}: a JSON array, so that an empty list and words with commas pass. */
    public static String markersArgument(List<String> words) {
        return dev.assay.model.json.Json.write(words);
    }

    /**
     * The words of a {@link #MISSING_MARKERS} value.
     *
     * @throws IllegalArgumentException naming the option when it is not a JSON array of strings
     */
    public static List<String> parseMarkers(String argument) {
        return parseMarkers(argument, MISSING_MARKERS);
    }

    /** As above, naming the field {@code name} (the upload's form field) in the error. */
    public static List<String> parseMarkers(String argument, String name) {
        try {
            com.fasterxml.jackson.databind.JsonNode node =
                    dev.assay.model.json.Json.mapper().readTree(argument);
            if (node == null || !node.isArray()) {
                throw new IllegalArgumentException(name + " must be a JSON array of words, e.g. [\"NA\",\"-\"]");
            }
            List<String> words = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode word : node) {
                if (!word.isTextual()) {
                    throw new IllegalArgumentException(name + " must hold words (JSON strings); found " + word);
                }
                words.add(word.asText());
            }
            return List.copyOf(words);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(
                    name + " must be a JSON array of words, e.g. [\"NA\",\"-\"] (" + e.getOriginalMessage() + ")");
        }
    }

    /**
     * Apply the plan in {@link RunnerEnv#PLAN} to dataset {@code jobId}'s {@code source} as run {@code runId}, reading
     * the source as the dataset's profile did ({@code dropDuplicates}).
     */
    public static List<String> applyRun(
            String jobId, String runId, String source, String runName, boolean dropDuplicates) {
        List<String> args =
                new ArrayList<>(List.of(APPLY_RUN, JOB_ID, jobId, RUN_ID, runId, SOURCE, source, RUN_NAME, runName));
        if (!dropDuplicates) {
            args.add(KEEP_DUPLICATES);
        }
        return List.copyOf(args);
    }
}
