package dev.assay.runner.bench;

import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.engine.Engine;
import dev.assay.runner.testing.Datasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Profiles every bundled dataset (and any CSV given) into {@code OUT/<name>/}: a main, not a test, for checking
 * that a change to the engine's speed leaves every figure alone. Run it from {@code runner-image} on the code
 * before and after the change, then compare the two folders with {@code scripts/compare-profiles.sh}.
 *
 * <p>Arguments: {@code OUT [FILE.csv ...]}.
 */
public final class ProfileDump {

    private ProfileDump() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        List<Path> inputs;
        try (Stream<Path> files = Files.list(Datasets.DIR)) {
            inputs = files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
        Engine engine = new Engine(EngineConfig.defaults());
        for (Path input : Stream.concat(inputs.stream(), Stream.of(args).skip(1).map(Path::of))
                .toList()) {
            engine.profile(input, out.resolve(input.getFileName().toString()), ProgressListener.NONE);
        }
    }
}
