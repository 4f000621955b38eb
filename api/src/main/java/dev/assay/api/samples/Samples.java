package dev.assay.api.samples;

import dev.assay.api.problem.ApiException;
import dev.assay.api.upload.UploadAccepted;
import dev.assay.api.upload.Uploads;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.NullMarked;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * The datasets of {@code examples/datasets/}, packaged in the api as resources under {@code samples/}, so a
 * person can try Assay without a file of their own. A sample is looked up by name in the list found at start-up,
 * never by building a path from what was asked; starting one goes through the same checks as an upload.
 */
@Service
public class Samples {

    /** One sample: its name (the file name without .csv), the file name a job shows, its size. */
    @NullMarked
    public record Sample(String name, String fileName, long sizeBytes) {}

    private final Uploads uploads;
    private final Map<String, Resource> files;
    private final List<Sample> list;

    public Samples(Uploads uploads) throws IOException {
        this.uploads = uploads;
        Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:samples/*.csv");
        this.files = Arrays.stream(found)
                .filter(r -> r.getFilename() != null)
                .collect(Collectors.toMap(
                        r -> Objects.requireNonNull(r.getFilename()).replaceFirst("\\.csv$", ""),
                        Function.identity(),
                        (a, b) -> a,
                        java.util.TreeMap::new));
        List<Sample> samples = new java.util.ArrayList<>();
        for (Map.Entry<String, Resource> e : files.entrySet()) {
            samples.add(new Sample(
                    e.getKey(), e.getValue().getFilename(), e.getValue().contentLength()));
        }
        samples.sort(Comparator.comparing(Sample::sizeBytes));
        this.list = List.copyOf(samples);
    }

    public List<Sample> list() {
        return list;
    }

    /** Starts profiling a copy of the sample, exactly as if its file had been uploaded. */
    public UploadAccepted start(String name) throws IOException {
        Resource file = files.get(name);
        if (file == null) {
            throw new ApiException(
                    HttpStatus.NOT_FOUND,
                    "Unknown sample",
                    "there is no sample named '" + name + "'; the samples are: " + String.join(", ", files.keySet()),
                    Map.of("samples", List.copyOf(files.keySet())));
        }
        byte[] bytes;
        try (InputStream in = file.getInputStream()) {
            bytes = in.readAllBytes();
        }
        return uploads.accept(new InMemoryFile(file.getFilename(), bytes));
    }

    /** A packaged sample handed to the upload path as the multipart file it would have been. */
    private record InMemoryFile(String fileName, byte[] bytes) implements MultipartFile {

        @Override
        public String getName() {
            return "file";
        }

        @Override
        public String getOriginalFilename() {
            return fileName;
        }

        @Override
        public String getContentType() {
            return "text/csv";
        }

        @Override
        public boolean isEmpty() {
            return bytes.length == 0;
        }

        @Override
        public long getSize() {
            return bytes.length;
        }

        @Override
        public byte[] getBytes() {
            return bytes.clone();
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public void transferTo(File dest) throws IOException {
            Files.write(dest.toPath(), bytes);
        }
    }
}
