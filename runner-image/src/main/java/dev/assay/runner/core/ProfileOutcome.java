package dev.assay.runner.core;

import dev.assay.model.profile.Profile;
import java.nio.file.Path;

/** What {@link Engine#profile} wrote: the profile and the folder holding profile.json, report.html, cleaned.csv. */
public record ProfileOutcome(Profile profile, Path outDir) {}
