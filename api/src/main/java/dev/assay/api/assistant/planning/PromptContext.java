package dev.assay.api.assistant.planning;

import java.util.Map;

/**
 * What an LLM is told: the fixed instructions, and one user message holding the request and a JSON block of
 * facts about the dataset. Text that came from the data only ever appears inside that JSON block, as JSON strings.
 *
 * @param data        the dataset facts (schema, statistics, missing counts, alerts, and sample rows only with consent)
 * @param sampleRows  how many rows of data are in it (0 without consent)
 */
public record PromptContext(String system, String user, Map<String, Object> data, int sampleRows) {}
