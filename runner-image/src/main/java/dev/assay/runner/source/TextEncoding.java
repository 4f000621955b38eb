package dev.assay.runner.source;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import dev.assay.model.profile.SourceRead;
import dev.assay.runner.core.InputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The text encoding of a file and its transcoding to UTF-8. A byte order mark decides first, then an encoding
 * the person gave, then the whole file is checked as UTF-8 (a file that is valid UTF-8 everywhere is read as
 * UTF-8: other encodings almost never produce valid multi-byte sequences by chance). Only when that fails does
 * ICU's detector choose, fed with the lines that hold non-ASCII bytes, since those are the only ones that
 * tell encodings apart.
 */
final class TextEncoding {

    /** How an encoding was chosen, as the profile says it. */
    static final String BY_BOM = SourceRead.BY_BOM;

    static final String BY_UTF8 = SourceRead.BY_UTF8;
    static final String DETECTED = SourceRead.DETECTED;
    static final String GIVEN = SourceRead.GIVEN;

    private static final int CHUNK = 64 * 1024;
    private static final int DETECTOR_SAMPLE = 64 * 1024;

    /**
     * An encoding chosen for a file.
     *
     * @param bomBytes how many bytes of byte order mark the file starts with (skipped when reading)
     */
    record Choice(Charset charset, String basis, Optional<Integer> confidence, int bomBytes) {

        boolean isUtf8() {
            return charset.equals(StandardCharsets.UTF_8);
        }
    }

    private TextEncoding() {}

    static Choice choose(Path file, String name, Optional<Charset> given) {
        byte[] head = head(file, 4);
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            return checkedGiven(name, given, StandardCharsets.UTF_8)
                    .orElse(new Choice(StandardCharsets.UTF_8, BY_BOM, Optional.empty(), 3));
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            return checkedGiven(name, given, StandardCharsets.UTF_16LE)
                    .orElse(new Choice(StandardCharsets.UTF_16LE, BY_BOM, Optional.empty(), 2));
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            return checkedGiven(name, given, StandardCharsets.UTF_16BE)
                    .orElse(new Choice(StandardCharsets.UTF_16BE, BY_BOM, Optional.empty(), 2));
        }
        if (given.isPresent()) {
            return new Choice(given.get(), GIVEN, Optional.empty(), 0);
        }
        Scan scan = scan(file, name, StandardCharsets.UTF_8, Optional.empty());
        if (scan.valid() && !scan.zeros()) {
            return new Choice(StandardCharsets.UTF_8, BY_UTF8, Optional.empty(), 0);
        }
        return detect(name, scan);
    }

    /**
     * The encoding of a file's first bytes, for a check before the whole file is there (the upload): the same
     * order as {@link #choose}, with UTF-8 decided on the sample only.
     *
     * @param complete whether the sample is the whole file (else a character cut at its end is not an error)
     */
    static Choice ofSample(byte[] head, boolean complete, String name, Optional<Charset> given) {
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            return checkedGiven(name, given, StandardCharsets.UTF_8)
                    .orElse(new Choice(StandardCharsets.UTF_8, BY_BOM, Optional.empty(), 3));
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            return checkedGiven(name, given, StandardCharsets.UTF_16LE)
                    .orElse(new Choice(StandardCharsets.UTF_16LE, BY_BOM, Optional.empty(), 2));
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            return checkedGiven(name, given, StandardCharsets.UTF_16BE)
                    .orElse(new Choice(StandardCharsets.UTF_16BE, BY_BOM, Optional.empty(), 2));
        }
        if (given.isPresent()) {
            return new Choice(given.get(), GIVEN, Optional.empty(), 0);
        }
        boolean zeros = false;
        for (byte b : head) {
            zeros |= b == 0;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean valid = !decoder.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), complete)
                .isError();
        if (valid && !zeros) {
            return new Choice(StandardCharsets.UTF_8, BY_UTF8, Optional.empty(), 0);
        }
        byte[] sample = new byte[Math.min(head.length, 4096)];
        System.arraycopy(head, 0, sample, 0, sample.length);
        return detect(name, new Scan(valid, zeros, head, sample));
    }

    /** A byte order mark wins over a given encoding that contradicts it, loudly. */
    private static Optional<Choice> checkedGiven(String name, Optional<Charset> given, Charset marked) {
        if (given.isPresent() && !given.get().equals(marked) && !sameFamily(given.get(), marked)) {
            throw new InputException(
                    name,
                    "starts with a " + marked.name() + " byte order mark, but the encoding "
                            + given.get().name() + " was given; leave the encoding out or give " + marked.name());
        }
        return Optional.empty();
    }

    private static boolean sameFamily(Charset given, Charset marked) {
        return given.name().equals("UTF-16") && marked.name().startsWith("UTF-16");
    }

    private static Choice detect(String name, Scan scan) {
        if (scan.zeros()) {
            return wide(name, scan.head());
        }
        CharsetDetector detector = new CharsetDetector();
        detector.setText(scan.sample());
        for (CharsetMatch match : detector.detectAll()) {
            String charsetName = match.getName();
            boolean wide = charsetName.startsWith("UTF-16") || charsetName.startsWith("UTF-32");
            // Without zero bytes a wide guess is noise, and UTF-8 already failed.
            if (wide || charsetName.equals("UTF-8") || !Charset.isSupported(charsetName)) {
                continue;
            }
            return new Choice(
                    commonest(Charset.forName(charsetName), scan.sample()),
                    DETECTED,
                    Optional.of(match.getConfidence()),
                    0);
        }
        throw new InputException(
                name,
                "is not UTF-8 text and its encoding could not be recognised; give the "
                        + "encoding (e.g. windows-1252) with the upload");
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * Windows-1252 when it reads the sample exactly as the detected charset does. On a few accented names ICU's
     * language statistics may prefer, say, windows-1250, whose letters coincide with Windows-1252's for those
     * bytes; the text is the same either way, and the profile should then name the encoding people use.
     */
    private static Charset commonest(Charset detected, byte[] sample) {
        if (detected.equals(WINDOWS_1252)) {
            return detected;
        }
        try {
            String asDetected = detected.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(sample))
                    .toString();
            String as1252 = WINDOWS_1252
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(sample))
                    .toString();
            return asDetected.equals(as1252) ? WINDOWS_1252 : detected;
        } catch (java.nio.charset.CharacterCodingException e) {
            return detected;
        }
    }

    /**
     * UTF-16 without a byte order mark: text of mostly Latin letters has a zero in every other byte, at odd
     * offsets (little-endian) or even ones (big-endian). Zeros anywhere else are binary data, never guessed at.
     */
    private static Choice wide(String name, byte[] head) {
        int pairs = head.length / 2;
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i + 1 < head.length; i += 2) {
            evenZeros += head[i] == 0 ? 1 : 0;
            oddZeros += head[i + 1] == 0 ? 1 : 0;
        }
        if (pairs >= 2 && oddZeros * 10 >= pairs * 7 && evenZeros * 20 <= pairs) {
            return new Choice(StandardCharsets.UTF_16LE, DETECTED, Optional.of(100 * oddZeros / pairs), 0);
        }
        if (pairs >= 2 && evenZeros * 10 >= pairs * 7 && oddZeros * 20 <= pairs) {
            return new Choice(StandardCharsets.UTF_16BE, DETECTED, Optional.of(100 * evenZeros / pairs), 0);
        }
        throw new InputException(name, "contains binary data, not CSV text");
    }

    /**
     * What one pass over the file found.
     *
     * @param valid  whether every byte decoded in the charset
     * @param zeros  whether the file holds zero bytes
     * @param sample the lines holding non-ASCII bytes (and the file's start), for the detector
     * @param head   the file's first bytes
     */
    private record Scan(boolean valid, boolean zeros, byte[] sample, byte[] head) {}

    private static Scan scan(Path file, String name, Charset charset, Optional<Writer> out) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
        CharBuffer chars = CharBuffer.allocate(CHUNK);
        java.io.ByteArrayOutputStream sample = new java.io.ByteArrayOutputStream();
        boolean valid = true;
        boolean zeros = false;
        try (InputStream in = Files.newInputStream(file)) {
            boolean eof = false;
            while (!eof) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    int start = bytes.position();
                    bytes.position(start + n);
                    zeros |= collect(bytes.array(), start, start + n, sample);
                }
                bytes.flip();
                valid = valid && decodes(decoder, bytes, chars, eof);
                if (valid) {
                    // A character cut by the end of the chunk is decoded with the next one.
                    bytes.compact();
                } else {
                    bytes.clear();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return new Scan(valid, zeros, sample.toByteArray(), head(file, 4096));
    }

    private static boolean decodes(CharsetDecoder decoder, ByteBuffer bytes, CharBuffer chars, boolean eof) {
        if (decoder.charset().equals(StandardCharsets.UTF_8)) {
            return decodesRuns(decoder, bytes, chars, eof);
        }
        CoderResult result;
        do {
            chars.clear();
            result = decoder.decode(bytes, chars, eof);
        } while (result.isOverflow());
        return !result.isError();
    }

    /**
     * Whether the bytes from {@code bytes}' position to its limit decode as UTF-8, leaving its position at
     * a character cut by the limit (decoded with the next chunk). Only the runs of non-ASCII bytes go through the
     * decoder: ASCII is valid wherever it stands, and the decoder, once it has met one non-ASCII byte, takes every
     * later byte of the chunk one at a time.
     */
    private static boolean decodesRuns(CharsetDecoder decoder, ByteBuffer bytes, CharBuffer chars, boolean eof) {
        byte[] array = bytes.array();
        int end = bytes.limit();
        int from = bytes.position();
        while (true) {
            from = AsciiRuns.nextNonAscii(array, from, end);
            if (from == end) {
                bytes.position(end);
                return true;
            }
            int to = from;
            while (to < end && array[to] < 0) {
                to++;
            }
            boolean last = to == end;
            bytes.limit(to).position(from);
            CoderResult result;
            do {
                chars.clear();
                result = decoder.decode(bytes, chars, eof && last);
            } while (result.isOverflow());
            int stopped = bytes.position();
            bytes.limit(end).position(stopped);
            if (result.isError()) {
                return false;
            }
            if (stopped < to) {
                // A character cut short: by the ASCII byte after it (malformed, as decoding the whole chunk finds),
                // or by the end of the chunk.
                return last;
            }
            from = to;
        }
    }

    /** Adds the lines of {@code buffer[from, to)} that hold non-ASCII bytes to the sample; returns whether any byte is 0. */
    private static boolean collect(byte[] buffer, int from, int to, java.io.ByteArrayOutputStream sample) {
        boolean zero = false;
        int copiedTo = from;
        for (int i = AsciiRuns.nextNonAsciiOrZero(buffer, from, to);
                i < to;
                i = AsciiRuns.nextNonAsciiOrZero(buffer, i + 1, to)) {
            int b = buffer[i] & 0xFF;
            if (b == 0) {
                zero = true;
            }
            if ((b >= 0x80 || b == 0) && i >= copiedTo && sample.size() < DETECTOR_SAMPLE) {
                int lineStart = i;
                while (lineStart > from && buffer[lineStart - 1] != '\n' && i - lineStart < 256) {
                    lineStart--;
                }
                int lineEnd = i;
                while (lineEnd < to && buffer[lineEnd] != '\n' && lineEnd - i < 256) {
                    lineEnd++;
                }
                lineStart = Math.max(lineStart, copiedTo);
                sample.write(buffer, lineStart, Math.min(lineEnd + 1, to) - lineStart);
                copiedTo = Math.min(lineEnd + 1, to);
            }
        }
        if (from == 0 && sample.size() < DETECTOR_SAMPLE) {
            // The start of the file counts too: it holds the header and, for UTF-16 without a mark, the zeros.
            sample.write(buffer, 0, Math.min(to, 4096));
        }
        return zero;
    }

    /**
     * Writes the file as UTF-8 text to {@code target}, without its byte order mark; a byte that is not valid in
     * the chosen encoding is an error naming its line and offset.
     *
     * @return the number of bytes written
     */
    static long transcode(Path file, String name, Choice choice, Path target, long maxBytes) {
        CharsetDecoder decoder = choice.charset()
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
        CharBuffer chars = CharBuffer.allocate(CHUNK);
        long consumed = choice.bomBytes();
        long line = 1;
        long written = 0;
        boolean first = true;
        try (InputStream in = Files.newInputStream(file);
                Writer out = new BufferedWriter(
                        new OutputStreamWriter(Files.newOutputStream(target), StandardCharsets.UTF_8), CHUNK)) {
            in.skipNBytes(choice.bomBytes());
            boolean eof = false;
            while (true) {
                if (!eof) {
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) {
                        eof = true;
                    } else {
                        bytes.position(bytes.position() + n);
                    }
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, eof);
                boolean done = false;
                if (eof && result.isUnderflow()) {
                    result = decoder.flush(chars);
                    done = result.isUnderflow();
                }
                chars.flip();
                if (first && chars.hasRemaining() && chars.get(chars.position()) == '\uFEFF') {
                    chars.get();
                }
                first = false;
                line += newlines(chars);
                written += utf8Length(chars);
                if (written > maxBytes) {
                    throw new InputException(
                            name,
                            "holds more than " + Archives.megabytes(maxBytes) + " of text once "
                                    + "decoded; the limit is " + Archives.megabytes(maxBytes));
                }
                out.append(chars);
                chars.clear();
                if (result.isError()) {
                    long offset = consumed + bytes.position();
                    int bad = bytes.get(bytes.position()) & 0xFF;
                    throw new InputException(
                            name,
                            OptionalLong.of(line),
                            Optional.empty(),
                            String.format(
                                    Locale.ROOT,
                                    "byte 0x%02X (offset %,d) is not valid %s text; give the file's encoding with the upload",
                                    bad,
                                    offset,
                                    choice.charset().name()));
                }
                consumed += bytes.position();
                bytes.compact();
                if (done) {
                    return written;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode " + name, e);
        }
    }

    private static long newlines(CharBuffer chars) {
        long n = 0;
        for (int i = chars.position(); i < chars.limit(); i++) {
            if (chars.get(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static long utf8Length(CharBuffer chars) {
        long n = 0;
        for (int i = chars.position(); i < chars.limit(); i++) {
            char c = chars.get(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    private static byte[] head(Path file, int n) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the file", e);
        }
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
