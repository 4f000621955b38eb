package dev.assay.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The images start the runner with {@code -XX:AOTCache=…}. A cache the JVM cannot use (missing, damaged, made by
 * another runtime) must leave the runner working, only slower: the JVM's default {@code -XX:AOTMode=auto}. This
 * starts a fresh JVM the way a Job does, with such a cache, and checks the profile is written.
 */
class AotCacheFallbackTest {

    private static final Path TITANIC = Path.of("../examples/datasets/titanic.csv");

    @TempDir
    Path dir;

    @Test
    void aDamagedCacheIsIgnoredAndTheProfileIsWritten() throws Exception {
        Path cache = dir.resolve("damaged.aot");
        byte[] junk = new byte[64 * 1024];
        new Random(18).nextBytes(junk);
        Files.write(cache, junk);

        Run run = profileWith(cache);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("AOT cache"); // the JVM did read the flag, and said it could not use it
        assertThat(dir.resolve("out/profile.json")).isNotEmptyFile();
    }

    @Test
    void aMissingCacheIsIgnoredAndTheProfileIsWritten() throws Exception {
        Run run = profileWith(dir.resolve("missing.aot"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(dir.resolve("out/profile.json")).isNotEmptyFile();
    }

    @Test
    void trainingSplitsItsCommandLinesOnASemicolon() {
        assertThat(AotTraining.commands(new String[] {"profile", "--input", "a.csv", ";", "apply", "--plan", "p"}))
                .containsExactly(List.of("profile", "--input", "a.csv"), List.of("apply", "--plan", "p"));
        assertThat(AotTraining.commands(new String[] {"profile"})).containsExactly(List.of("profile"));
    }

    private record Run(int exitCode, String output) {}

    private Run profileWith(Path cache) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("jvm.log");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-XX:AOTCache=" + cache,
                        "--sun-misc-unsafe-memory-access=allow",
                        "-cp",
                        System.getProperty("java.class.path"),
                        RunnerMain.class.getName(),
                        "profile",
                        "--input",
                        TITANIC.toString(),
                        "--out",
                        dir.resolve("out").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        int code = process.waitFor();
        return new Run(code, Files.readString(log, StandardCharsets.UTF_8));
    }
}
