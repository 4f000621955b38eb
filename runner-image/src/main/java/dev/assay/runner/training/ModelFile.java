package dev.assay.runner.training;

import dev.assay.runner.core.InputException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * model.bin: a short header (magic and format version) followed by the Java serialization of a
 * {@link FittedModel} (Smile's models are serializable). Reading accepts only the classes a model is made of,
 * so a crafted file cannot make the reader instantiate anything else.
 */
public final class ModelFile {

    private static final byte[] MAGIC = "ASSAY-MODEL\n".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "maxdepth=2000;dev.assay.runner.training.**;dev.assay.model.plan.params.*;smile.**;"
                    + "java.lang.*;java.util.*;java.util.concurrent.*;java.time.*;!*");

    private ModelFile() {}

    public static void write(FittedModel model, Path file) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            write(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static void write(FittedModel model, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.write(MAGIC);
        data.writeInt(FittedModel.FORMAT_VERSION);
        ObjectOutputStream objects = new ObjectOutputStream(data);
        objects.writeObject(model);
        objects.flush();
    }

    /**
     * @throws InputException when the file is not an Assay model of a format this version reads
     */
    public static FittedModel read(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new InputException(file.getFileName().toString(), "cannot be read: " + e.getMessage());
        }
    }

    public static FittedModel read(InputStream in, String name) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = new byte[MAGIC.length];
        if (data.read(magic) != MAGIC.length || !Arrays.equals(magic, MAGIC)) {
            throw new InputException(name, "is not an Assay model file");
        }
        int format = data.readInt();
        if (format != FittedModel.FORMAT_VERSION) {
            throw new InputException(
                    name,
                    "is a model of format " + format + "; this version reads format " + FittedModel.FORMAT_VERSION
                            + " (train the model again)");
        }
        ObjectInputStream objects = new ObjectInputStream(data);
        objects.setObjectInputFilter(ALLOWED);
        try {
            return (FittedModel) objects.readObject();
        } catch (InvalidClassException | ClassNotFoundException | ClassCastException e) {
            throw new InputException(name, "holds something other than an Assay model (" + e.getMessage() + ")");
        }
    }
}
