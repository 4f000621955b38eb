package dev.assay.runner.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole-file UTF-8 check skips ASCII and decodes only the other bytes: it must find exactly what decoding every
 * byte finds, wherever a character or a broken sequence falls, the ends of the 64 KB chunks included.
 */
class TextEncodingUtf8CheckTest {

    /** Valid characters of one to four bytes, and sequences that are not UTF-8 (cut, overlong, a surrogate). */
    private static final byte[][] PIECES = {
        "a,b\n".getBytes(StandardCharsets.UTF_8),
        "Zürich".getBytes(StandardCharsets.UTF_8),
        "€".getBytes(StandardCharsets.UTF_8),
        "😀".getBytes(StandardCharsets.UTF_8),
        {(byte) 0xC3},
        {(byte) 0xE2, (byte) 0x82},
        {(byte) 0xC0, (byte) 0x80},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
    };

    @Test
    void findsTheSameAsDecodingEveryByte(@TempDir Path dir) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        for (int file = 0; file < 60; file++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes("id,name\n".getBytes(StandardCharsets.UTF_8));
            // Around the first chunk's end, so that characters and broken sequences are cut by it.
            int size = 65_536 - 40 + random.nextInt(80) + (file % 3) * 65_536;
            boolean broken = file % 2 == 1;
            while (bytes.size() < size) {
                int piece = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
                bytes.writeBytes(PIECES[piece]);
            }
            if (broken) {
                // One broken sequence somewhere, the very end included.
                byte[] all = bytes.toByteArray();
                int at = file % 6 == 1 ? all.length : 8 + random.nextInt(all.length - 8);
                ByteArrayOutputStream withError = new ByteArrayOutputStream();
                withError.write(all, 0, at);
                withError.writeBytes(PIECES[4 + random.nextInt(PIECES.length - 4)]);
                withError.write(all, at, all.length - at);
                bytes = withError;
            }
            byte[] content = bytes.toByteArray();
            Path csv = dir.resolve("file" + file + ".csv");
            Files.write(csv, content);

            TextEncoding.Choice choice =
                    TextEncoding.choose(csv, csv.getFileName().toString(), Optional.empty());

            assertThat(choice.basis().equals(TextEncoding.BY_UTF8))
                    .as("file %d of %d bytes", file, content.length)
                    .isEqualTo(decodesAsUtf8(content));
        }
    }

    private static boolean decodesAsUtf8(byte[] content) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
