package dev.assay.runner.source;

import dev.assay.runner.core.InputException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Compressed files, opened without trusting them: what comes out is counted as it is inflated and stops at the
 * engine's file limit, or as soon as it grows more than {@link #MAX_RATIO} times the compressed size (a
 * compression bomb; real CSVs compress 3–20 times). Entry names are checked, never used as paths.
 */
final class Archives {

    /** Largest uncompressed/compressed ratio accepted once more than {@link #RATIO_FLOOR} bytes came out. */
    static final int MAX_RATIO = 200;

    static final long RATIO_FLOOR = 1024 * 1024;

    /** Files that archivers add beside the data and nobody means to read. */
    private static boolean isClutter(String entry) {
        String base = entry.substring(entry.lastIndexOf('/') + 1);
        return entry.startsWith("__MACOSX/") || base.equals(".DS_Store") || base.equals("Thumbs.db") || base.isEmpty();
    }

    private Archives() {}

    /** Inflates a gzip file into {@code target}. */
    static void gunzip(Path file, String name, Path target, long maxBytes) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 64 * 1024)) {
            copy(in, target, name, Files.size(file), maxBytes);
        } catch (ZipException | java.io.EOFException e) {
            throw new InputException(name, "is not a complete gzip file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** Whether a zip archive is an Excel workbook (an Office Open XML package with a workbook part). */
    static boolean isWorkbook(Path file, String name) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry("xl/workbook.xml") != null && zip.getEntry("[Content_Types].xml") != null;
        } catch (ZipException e) {
            throw new InputException(name, "is not a readable zip archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /**
     * Checks a workbook's parts before a reader inflates them: their declared sizes must stay within
     * {@code maxXmlBytes} together and within {@link #MAX_RATIO} each.
     */
    static void checkWorkbookParts(Path file, String name, long maxXmlBytes) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            long total = 0;
            for (ZipEntry entry : Collections.list(zip.entries())) {
                unsafeName(entry.getName()).ifPresent(problem -> {
                    throw new InputException(name, "holds a part named '" + entry.getName() + "' " + problem);
                });
                long size = entry.getSize();
                long compressed = Math.max(1, entry.getCompressedSize());
                if (size > RATIO_FLOOR && size / compressed > MAX_RATIO) {
                    throw bomb(name, entry.getName());
                }
                total += Math.max(0, size);
            }
            if (total > maxXmlBytes) {
                throw new InputException(
                        name,
                        "unpacks to " + megabytes(total) + "; a workbook may unpack to at most "
                                + megabytes(maxXmlBytes));
            }
        } catch (ZipException e) {
            throw new InputException(name, "is not a readable zip archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /**
     * Extracts the one data file of a zip archive into {@code target} and returns its name in the archive.
     * Several files are an error that names them: Assay does not guess which one was meant.
     */
    static String unzipOne(Path file, String name, Path target, long maxBytes) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<ZipEntry> files = new ArrayList<>();
            for (ZipEntry entry : Collections.list(zip.entries())) {
                unsafeName(entry.getName()).ifPresent(problem -> {
                    throw new InputException(
                            name,
                            "holds an entry named '" + entry.getName() + "' " + problem + "; nothing was extracted");
                });
                if (!entry.isDirectory() && !isClutter(entry.getName())) {
                    files.add(entry);
                }
            }
            if (files.isEmpty()) {
                throw new InputException(name, "is a zip archive with no file in it");
            }
            if (files.size() > 1) {
                List<String> names =
                        files.stream().map(ZipEntry::getName).limit(10).toList();
                throw new InputException(
                        name,
                        "is a zip archive holding " + files.size() + " files ("
                                + String.join(", ", names) + (files.size() > 10 ? ", …" : "")
                                + "); which one should be read? "
                                + "Upload that file alone, or a zip holding only it");
            }
            ZipEntry entry = files.getFirst();
            try (InputStream in = zip.getInputStream(entry)) {
                long compressed = entry.getCompressedSize() > 0 ? entry.getCompressedSize() : Files.size(file);
                copy(in, target, name + " (" + entry.getName() + ")", compressed, maxBytes);
            }
            return entry.getName();
        } catch (ZipException e) {
            throw new InputException(name, "is not a readable zip archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** Why an entry name could write outside a folder if it were ever used as a path. */
    static java.util.Optional<String> unsafeName(String entry) {
        String normalised = entry.replace('\\', '/');
        if (normalised.startsWith("/") || normalised.matches("^[A-Za-z]:.*")) {
            return java.util.Optional.of("that is an absolute path");
        }
        for (String part : normalised.split("/")) {
            if (part.equals("..")) {
                return java.util.Optional.of("that climbs out of the archive (..)");
            }
        }
        return java.util.Optional.empty();
    }

    private static void copy(InputStream in, Path target, String name, long compressedBytes, long maxBytes)
            throws IOException {
        try (Bounded bounded = new Bounded(in, name, compressedBytes, maxBytes);
                OutputStream out = Files.newOutputStream(target)) {
            bounded.transferTo(out);
        }
    }

    private static InputException bomb(String name, String what) {
        return new InputException(
                name,
                "expands more than " + MAX_RATIO + " times" + (what.isEmpty() ? "" : " (" + what + ")")
                        + ", like a compression bomb; it was not unpacked");
    }

    /** Counts what is inflated and stops at the limit or the ratio. */
    private static final class Bounded extends FilterInputStream {
        private final String name;
        private final long compressedBytes;
        private final long maxBytes;
        private long count;

        Bounded(InputStream in, String name, long compressedBytes, long maxBytes) {
            super(in);
            this.name = name;
            this.compressedBytes = Math.max(1, compressedBytes);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) {
            count += n;
            if (count > maxBytes) {
                throw new InputException(
                        name,
                        "unpacks to more than " + megabytes(maxBytes) + ", the limit; it was not "
                                + "unpacked further");
            }
            if (count > RATIO_FLOOR && count / compressedBytes > MAX_RATIO) {
                throw bomb(name, "");
            }
        }
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
