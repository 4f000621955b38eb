package dev.assay.model.profile;

import java.util.List;

/** The first and last rows as text (missing as null), for the report. Never sent to an LLM by default. */
public record Sample(List<String> columns, List<List<String>> head, List<List<String>> tail) {}
