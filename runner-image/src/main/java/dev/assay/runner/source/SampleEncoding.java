package dev.assay.runner.source;

import java.nio.charset.Charset;
import java.util.Optional;

/**
 * The encoding of the first bytes of an upload, decided as the engine decides it for the whole file, so the
 * upload check reads the header the way the engine will.
 *
 * @param bomBytes bytes of byte order mark at the start
 */
public record SampleEncoding(Charset charset, String basis, Optional<Integer> confidence, int bomBytes) {

    /**
     * @param complete whether {@code head} is the whole file
     * @throws dev.assay.runner.core.InputException for binary data, an encoding that cannot be recognised,
     *                                                or a given encoding that contradicts a byte order mark
     */
    public static SampleEncoding of(byte[] head, boolean complete, String name, SourceOptions options) {
        options.problem().ifPresent(problem -> {
            throw new dev.assay.runner.core.InputException(name, problem);
        });
        TextEncoding.Choice choice = TextEncoding.ofSample(head, complete, name, options.charset());
        return new SampleEncoding(choice.charset(), choice.basis(), choice.confidence(), choice.bomBytes());
    }
}
