package dev.assay.runner.core;

import dev.assay.model.profile.Profile;
import dev.assay.model.result.RunResult;
import java.nio.file.Path;

/** What {@link Engine#apply} wrote: the result, the profile of the processed data, and the output folder. */
public record ApplyOutcome(RunResult result, Profile profile, Path outDir) {}
