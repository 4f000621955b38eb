package dev.assay.runner.source;

import dev.assay.runner.core.InputException;
import io.airlift.compress.Decompressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Util;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * A Parquet file as CSV text, without Hadoop: the footer is parsed with parquet-java's format structures, each
 * column chunk's pages are read and decompressed here (SNAPPY, ZSTD and LZ4_RAW by aircompressor, GZIP by
 * java.util.zip), and parquet-java's column readers decode them. Only flat tables are read: a group, list, map or
 * repeated field is refused naming it, before a row is written. Values become the text a CSV export would hold
 * (dates and timestamps in ISO form, decimals in plain notation), so the engine settles the types as for a CSV.
 * Declared page sizes are checked against the file and the engine's limit before anything is allocated.
 */
public final class ParquetFiles {

    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};
    /** A footer larger than this is not a table's schema: refused rather than read into memory. */
    static final int MAX_FOOTER = 64 << 20;
    /** As for gzip and zip: past the first megabyte, a page may inflate at most this many times. */
    private static final long MAX_RATIO = 200;

    private static final long RATIO_FREE = 1 << 20;
    /** Writers make pages of about 1 MB; a page is held in memory whole, so a larger one than this is refused. */
    static final int MAX_PAGE = 256 << 20;

    private static final DateTimeFormatter TIME_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final long JULIAN_EPOCH_DAY = 2_440_588;
    /**
     * The proleptic year ({@code uuuu}), as {@link LocalDate#toString()} writes dates: {@code yyyy} is the year of
     * the era, which would write 44 BC as {@code 0044}, the year 44 AD.
     */
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    /** What the footer says: the table's columns and rows. */
    public record Layout(List<String> columns, long rows, int rowGroups) {}

    /** Reads {@code length} bytes of the file from {@code offset}. */
    @FunctionalInterface
    public interface Bytes {
        byte[] read(long offset, int length) throws IOException;
    }

    /** How a column's values become text. */
    private enum Kind {
        BOOLEAN,
        INT,
        UINT,
        FLOAT,
        DOUBLE,
        TEXT,
        BYTES_AS_TEXT,
        UUID,
        DATE,
        TIME,
        TIMESTAMP,
        INT96,
        DECIMAL,
        NULL
    }

    /** A column of the flat table and how to write its values. */
    private record Column(
            String name, int index, PrimitiveType type, Kind kind, int scale, long unitsPerSecond, boolean utc) {}

    /** The parsed footer, checked. */
    private record Footer(FileMetaData meta, List<Column> columns, MessageType schema) {}

    private ParquetFiles() {}

    /**
     * Checks a Parquet file from its end, without reading its data: the closing magic, the footer, a flat schema
     * of types Assay reads, codecs it can decompress.
     *
     * @throws InputException naming what cannot be read (a nested column by its path, an unknown codec, a cut file)
     */
    public static Layout check(Bytes bytes, long size, String name) {
        Footer footer = footer(bytes, size, name);
        long rows = footer.meta().getNum_rows();
        return new Layout(
                footer.columns().stream().map(Column::name).toList(),
                rows,
                footer.meta().getRow_groupsSize());
    }

    /** The notes a person should know about the read (e.g. which columns hold UTC instants). */
    record Read(long rows, List<String> notes) {}

    static Read toCsv(Path file, String name, Path target, long maxBytes) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                CsvOut out = new CsvOut(target, name, maxBytes)) {
            long size = channel.size();
            Bytes bytes = (offset, length) -> readFully(channel, offset, length);
            Footer footer = footer(bytes, size, name);
            return new TableWriter(name, footer, bytes, size, maxBytes, out).write();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static Footer footer(Bytes bytes, long size, String name) {
        if (size < 12) {
            throw new InputException(
                    name, "starts like a Parquet file but is only " + size + " bytes long: it is " + "incomplete");
        }
        byte[] tail;
        try {
            tail = bytes.read(size - 8, 8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        if (tail[4] != MAGIC[0] || tail[5] != MAGIC[1] || tail[6] != MAGIC[2] || tail[7] != MAGIC[3]) {
            if (tail[4] == 'P' && tail[5] == 'A' && tail[6] == 'R' && tail[7] == 'E') {
                throw new InputException(name, "is an encrypted Parquet file; Assay reads unencrypted files only");
            }
            throw new InputException(
                    name,
                    "starts like a Parquet file but does not end like one (no closing 'PAR1'): "
                            + "it is incomplete or damaged, perhaps cut short while it was copied");
        }
        long length = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        if (length == 0 || length > size - 12) {
            throw new InputException(
                    name,
                    "is a damaged Parquet file: its footer length (" + length + " bytes) does not "
                            + "fit in the file (" + size + " bytes)");
        }
        if (length > MAX_FOOTER) {
            throw new InputException(
                    name,
                    "has a Parquet footer of " + Archives.megabytes(length) + "; at most "
                            + Archives.megabytes(MAX_FOOTER) + " is read");
        }
        FileMetaData meta;
        try {
            meta = Util.readFileMetaData(new ByteArrayInputStream(bytes.read(size - 8 - length, (int) length)));
        } catch (IOException | RuntimeException e) {
            throw new InputException(name, "is a damaged Parquet file: its footer cannot be read (" + message(e) + ")");
        }
        if (meta.isSetEncryption_algorithm()) {
            throw new InputException(name, "is an encrypted Parquet file; Assay reads unencrypted files only");
        }
        List<Column> columns = columns(meta, name);
        for (RowGroup group : meta.getRow_groups()) {
            if (group.getColumnsSize() != columns.size()) {
                throw new InputException(
                        name,
                        "is a damaged Parquet file: a row group has " + group.getColumnsSize() + " columns, the schema "
                                + columns.size());
            }
            for (int c = 0; c < columns.size(); c++) {
                ColumnChunk chunk = group.getColumns().get(c);
                if (chunk.isSetCrypto_metadata() || !chunk.isSetMeta_data()) {
                    throw new InputException(
                            name,
                            "has an encrypted column ('" + columns.get(c).name() + "'); Assay "
                                    + "reads unencrypted files only");
                }
                if (chunk.isSetFile_path()) {
                    throw new InputException(
                            name,
                            "keeps column '" + columns.get(c).name() + "' in another file (" + chunk.getFile_path()
                                    + "); upload a Parquet file that holds its data");
                }
                codec(chunk.getMeta_data().getCodec(), name, columns.get(c).name());
            }
        }
        List<Type> fields = new ArrayList<>();
        for (Column column : columns) {
            fields.add(column.type());
        }
        return new Footer(meta, columns, new MessageType("schema", fields));
    }

    /** The flat columns; a nested or repeated field is refused, all of them named. */
    private static List<Column> columns(FileMetaData meta, String name) {
        List<SchemaElement> schema = meta.getSchema();
        if (schema == null || schema.isEmpty()) {
            throw new InputException(name, "is a damaged Parquet file: it has no schema");
        }
        int top = schema.getFirst().getNum_children();
        List<Column> columns = new ArrayList<>();
        List<String> nested = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        int at = 1;
        for (int field = 0; field < top; field++) {
            if (at >= schema.size()) {
                throw new InputException(name, "is a damaged Parquet file: its schema ends early");
            }
            SchemaElement element = schema.get(at);
            if (element.isSetNum_children() && element.getNum_children() > 0 || !element.isSetType()) {
                List<String> leaves = new ArrayList<>();
                int next = leaves(schema, at, element.getName(), leaves, name);
                nested.add("'" + element.getName() + "' (" + shape(element) + " of "
                        + String.join(", ", leaves.stream().limit(5).toList()) + (leaves.size() > 5 ? ", …" : "")
                        + ")");
                at = next;
                continue;
            }
            if (element.getRepetition_type() == FieldRepetitionType.REPEATED) {
                nested.add("'" + element.getName() + "' (a repeated field)");
                at++;
                continue;
            }
            try {
                columns.add(column(element, columns.size()));
            } catch (IllegalArgumentException e) {
                unreadable.add("'" + element.getName() + "' (" + e.getMessage() + ")");
            }
            at++;
        }
        if (!nested.isEmpty()) {
            throw new InputException(
                    name,
                    "has nested columns, which Assay does not read: " + String.join("; ", nested)
                            + ". Assay reads flat tables: flatten these columns (or drop them) and export again; nothing was read");
        }
        if (!unreadable.isEmpty()) {
            throw new InputException(
                    name,
                    "has columns of types Assay does not read: " + String.join("; ", unreadable)
                            + "; nothing was read");
        }
        if (columns.isEmpty()) {
            throw new InputException(name, "is a Parquet file without columns");
        }
        return columns;
    }

    /** Collects the dotted paths of a group's leaves; returns the index after the group. */
    private static int leaves(List<SchemaElement> schema, int at, String path, List<String> leaves, String name) {
        SchemaElement element = schema.get(at);
        int children = element.isSetNum_children() ? element.getNum_children() : 0;
        int next = at + 1;
        if (children == 0) {
            leaves.add(path);
            return next;
        }
        for (int i = 0; i < children; i++) {
            if (next >= schema.size()) {
                throw new InputException(name, "is a damaged Parquet file: its schema ends early");
            }
            next = leaves(schema, next, path + "." + schema.get(next).getName(), leaves, name);
        }
        return next;
    }

    private static String shape(SchemaElement element) {
        LogicalType logical = element.isSetLogicalType() ? element.getLogicalType() : null;
        ConvertedType converted = element.isSetConverted_type() ? element.getConverted_type() : null;
        if (logical != null && logical.isSetLIST() || converted == ConvertedType.LIST) {
            return "a list";
        }
        if (logical != null && logical.isSetMAP()
                || converted == ConvertedType.MAP
                || converted == ConvertedType.MAP_KEY_VALUE) {
            return "a map";
        }
        return element.getRepetition_type() == FieldRepetitionType.REPEATED ? "a repeated group" : "a group";
    }

    /** @throws IllegalArgumentException with the type's name when Assay does not read it */
    private static Column column(SchemaElement element, int index) {
        PrimitiveTypeName physical = switch (element.getType()) {
            case BOOLEAN -> PrimitiveTypeName.BOOLEAN;
            case INT32 -> PrimitiveTypeName.INT32;
            case INT64 -> PrimitiveTypeName.INT64;
            case INT96 -> PrimitiveTypeName.INT96;
            case FLOAT -> PrimitiveTypeName.FLOAT;
            case DOUBLE -> PrimitiveTypeName.DOUBLE;
            case BYTE_ARRAY -> PrimitiveTypeName.BINARY;
            case FIXED_LEN_BYTE_ARRAY -> PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
        };
        Type.Repetition repetition = element.getRepetition_type() == FieldRepetitionType.REQUIRED
                ? Type.Repetition.REQUIRED
                : Type.Repetition.OPTIONAL;
        Types.PrimitiveBuilder<PrimitiveType> builder = Types.primitive(physical, repetition);
        if (physical == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
            builder = builder.length(element.getType_length());
        }
        PrimitiveType type = builder.named(element.getName());
        LogicalType logical = element.isSetLogicalType() ? element.getLogicalType() : null;
        ConvertedType converted = element.isSetConverted_type() ? element.getConverted_type() : null;
        String name = element.getName();
        if (logical != null) {
            if (logical.isSetSTRING() || logical.isSetENUM() || logical.isSetJSON()) {
                return new Column(name, index, binary(type, "text"), Kind.TEXT, 0, 0, false);
            }
            if (logical.isSetUUID()) {
                if (physical != PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY || element.getType_length() != 16) {
                    throw new IllegalArgumentException("a UUID that is not 16 bytes");
                }
                return new Column(name, index, type, Kind.UUID, 0, 0, false);
            }
            if (logical.isSetDATE()) {
                return new Column(name, index, physical(type, PrimitiveTypeName.INT32, "date"), Kind.DATE, 0, 0, false);
            }
            if (logical.isSetTIMESTAMP()) {
                var unit = logical.getTIMESTAMP().getUnit();
                return new Column(
                        name,
                        index,
                        physical(type, PrimitiveTypeName.INT64, "timestamp"),
                        Kind.TIMESTAMP,
                        0,
                        unit.isSetMILLIS() ? 1_000 : unit.isSetMICROS() ? 1_000_000 : 1_000_000_000,
                        logical.getTIMESTAMP().isIsAdjustedToUTC());
            }
            if (logical.isSetTIME()) {
                var unit = logical.getTIME().getUnit();
                return new Column(
                        name,
                        index,
                        type,
                        Kind.TIME,
                        0,
                        unit.isSetMILLIS() ? 1_000 : unit.isSetMICROS() ? 1_000_000 : 1_000_000_000,
                        false);
            }
            if (logical.isSetDECIMAL()) {
                return decimal(name, index, type, logical.getDECIMAL().getScale());
            }
            if (logical.isSetINTEGER()) {
                if (physical != PrimitiveTypeName.INT32 && physical != PrimitiveTypeName.INT64) {
                    throw new IllegalArgumentException("an integer stored as " + physical);
                }
                return new Column(
                        name, index, type, logical.getINTEGER().isIsSigned() ? Kind.INT : Kind.UINT, 0, 0, false);
            }
            if (logical.isSetUNKNOWN()) {
                return new Column(name, index, type, Kind.NULL, 0, 0, false);
            }
            if (logical.isSetFLOAT16()) {
                throw new IllegalArgumentException("16-bit floats");
            }
            if (logical.isSetBSON()) {
                throw new IllegalArgumentException("BSON documents");
            }
            if (logical.isSetVARIANT() || logical.isSetGEOMETRY() || logical.isSetGEOGRAPHY()) {
                throw new IllegalArgumentException(
                        logical.getSetField().getFieldName().toLowerCase(Locale.ROOT));
            }
            // LIST or MAP on a leaf is malformed; anything newer is a type this reader does not know.
            throw new IllegalArgumentException(
                    "logical type " + logical.getSetField().getFieldName());
        }
        if (converted != null) {
            switch (converted) {
                case UTF8, ENUM, JSON -> {
                    return new Column(name, index, binary(type, "text"), Kind.TEXT, 0, 0, false);
                }
                case DATE -> {
                    return new Column(
                            name, index, physical(type, PrimitiveTypeName.INT32, "date"), Kind.DATE, 0, 0, false);
                }
                case TIMESTAMP_MILLIS, TIMESTAMP_MICROS -> {
                    return new Column(
                            name,
                            index,
                            physical(type, PrimitiveTypeName.INT64, "timestamp"),
                            Kind.TIMESTAMP,
                            0,
                            converted == ConvertedType.TIMESTAMP_MILLIS ? 1_000 : 1_000_000,
                            true);
                }
                case TIME_MILLIS, TIME_MICROS -> {
                    return new Column(
                            name,
                            index,
                            type,
                            Kind.TIME,
                            0,
                            converted == ConvertedType.TIME_MILLIS ? 1_000 : 1_000_000,
                            false);
                }
                case DECIMAL -> {
                    return decimal(name, index, type, element.getScale());
                }
                case UINT_8, UINT_16, UINT_32, UINT_64 -> {
                    return new Column(name, index, type, Kind.UINT, 0, 0, false);
                }
                case INT_8, INT_16, INT_32, INT_64 -> {
                    return new Column(name, index, type, Kind.INT, 0, 0, false);
                }
                case INTERVAL -> throw new IllegalArgumentException("intervals");
                case BSON -> throw new IllegalArgumentException("BSON documents");
                default -> throw new IllegalArgumentException("converted type " + converted);
            }
        }
        Kind kind = switch (physical) {
            case BOOLEAN -> Kind.BOOLEAN;
            case INT32, INT64 -> Kind.INT;
            case FLOAT -> Kind.FLOAT;
            case DOUBLE -> Kind.DOUBLE;
            case INT96 -> Kind.INT96;
            case BINARY, FIXED_LEN_BYTE_ARRAY -> Kind.BYTES_AS_TEXT;
        };
        return new Column(name, index, type, kind, 0, 0, false);
    }

    private static Column decimal(String name, int index, PrimitiveType type, int scale) {
        if (type.getPrimitiveTypeName() == PrimitiveTypeName.BOOLEAN
                || type.getPrimitiveTypeName() == PrimitiveTypeName.FLOAT
                || type.getPrimitiveTypeName() == PrimitiveTypeName.DOUBLE
                || type.getPrimitiveTypeName() == PrimitiveTypeName.INT96) {
            throw new IllegalArgumentException("a decimal stored as " + type.getPrimitiveTypeName());
        }
        return new Column(name, index, type, Kind.DECIMAL, scale, 0, false);
    }

    private static PrimitiveType binary(PrimitiveType type, String what) {
        if (type.getPrimitiveTypeName() != PrimitiveTypeName.BINARY
                && type.getPrimitiveTypeName() != PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
            throw new IllegalArgumentException(what + " stored as " + type.getPrimitiveTypeName());
        }
        return type;
    }

    private static PrimitiveType physical(PrimitiveType type, PrimitiveTypeName expected, String what) {
        if (type.getPrimitiveTypeName() != expected) {
            throw new IllegalArgumentException("a " + what + " stored as " + type.getPrimitiveTypeName());
        }
        return type;
    }

    private static void codec(CompressionCodec codec, String name, String column) {
        switch (codec) {
            case UNCOMPRESSED, SNAPPY, GZIP, ZSTD, LZ4_RAW -> {}
            default ->
                throw new InputException(
                        name,
                        "compresses column '" + column + "' with " + codec + ", which Assay "
                                + "does not read (it reads UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW); write the file with one "
                                + "of those");
        }
    }

    /** Writes the rows, row group by row group, every column read side by side. */
    private static final class TableWriter {
        private final String name;
        private final Footer footer;
        private final Bytes bytes;
        private final long size;
        private final long maxBytes;
        private final CsvOut out;
        private final long[] nans;
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private long row;

        TableWriter(String name, Footer footer, Bytes bytes, long size, long maxBytes, CsvOut out) {
            this.name = name;
            this.footer = footer;
            this.bytes = bytes;
            this.size = size;
            this.maxBytes = maxBytes;
            this.out = out;
            this.nans = new long[footer.columns().size()];
        }

        Read write() {
            List<Column> columns = footer.columns();
            out.row(columns.stream().map(Column::name).toList());
            List<ColumnDescriptor> descriptors = footer.schema().getColumns();
            String createdBy = footer.meta().isSetCreated_by() ? footer.meta().getCreated_by() : "";
            int group = 0;
            for (RowGroup rowGroup : footer.meta().getRow_groups()) {
                group++;
                if (rowGroup.getNum_rows() == 0) {
                    // Some writers leave a row group without rows; it holds nothing to read, and parquet-column's
                    // readers refuse a column of no values, which would call a sound file damaged.
                    continue;
                }
                Map<ColumnDescriptor, PageReader> pages = new HashMap<>();
                for (int c = 0; c < columns.size(); c++) {
                    pages.put(
                            descriptors.get(c),
                            new ChunkPages(
                                    columns.get(c),
                                    descriptors.get(c),
                                    rowGroup.getColumns().get(c).getMeta_data(),
                                    group));
                }
                long rows = rowGroup.getNum_rows();
                PageReadStore store = new PageReadStore() {
                    @Override
                    public PageReader getPageReader(ColumnDescriptor descriptor) {
                        return pages.get(descriptor);
                    }

                    @Override
                    public long getRowCount() {
                        return rows;
                    }
                };
                try {
                    ColumnReadStoreImpl readers =
                            new ColumnReadStoreImpl(store, NoConverter.ROOT, footer.schema(), createdBy);
                    ColumnReader[] reader = new ColumnReader[columns.size()];
                    for (int c = 0; c < columns.size(); c++) {
                        reader[c] = readers.getColumnReader(descriptors.get(c));
                        if (totalValues(reader[c]) != rows) {
                            throw new InputException(
                                    name,
                                    "is a damaged Parquet file: column '"
                                            + columns.get(c).name()
                                            + "' has " + totalValues(reader[c]) + " values in row group " + group
                                            + " of "
                                            + rows + " rows");
                        }
                    }
                    List<String> cells = new ArrayList<>(columns.size());
                    for (long r = 0; r < rows; r++) {
                        row++;
                        cells.clear();
                        for (int c = 0; c < columns.size(); c++) {
                            ColumnDescriptor descriptor = descriptors.get(c);
                            cells.add(
                                    reader[c].getCurrentDefinitionLevel() == descriptor.getMaxDefinitionLevel()
                                            ? text(columns.get(c), reader[c])
                                            : "");
                            reader[c].consume();
                        }
                        out.row(cells);
                    }
                } catch (InputException | UncheckedIOException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // A damaged page can make a decoder fail in any way; the file is what is wrong, not Assay.
                    throw new InputException(
                            name,
                            "is a damaged Parquet file: row group " + group + " (near row " + Math.max(row, 1)
                                    + ") cannot be decoded (" + message(e) + ")");
                }
            }
            List<String> notes = new ArrayList<>();
            List<String> utc = columns.stream()
                    .filter(Column::utc)
                    .map(c -> "'" + c.name() + "'")
                    .toList();
            if (!utc.isEmpty()) {
                notes.add("Parquet column" + (utc.size() == 1 ? " " : "s ") + String.join(", ", utc)
                        + (utc.size() == 1 ? " holds" : " hold")
                        + " instants (timestamps adjusted to UTC); read as UTC date-times");
            }
            for (int c = 0; c < columns.size(); c++) {
                if (nans[c] > 0) {
                    notes.add(nans[c] + " value" + (nans[c] == 1 ? "" : "s") + " of Parquet column '"
                            + columns.get(c).name() + "' " + (nans[c] == 1 ? "is" : "are")
                            + " NaN (not a number); read as missing");
                }
            }
            return new Read(row, notes);
        }

        private String text(Column column, ColumnReader reader) {
            return switch (column.kind()) {
                case BOOLEAN -> reader.getBoolean() ? "true" : "false";
                case INT ->
                    column.type().getPrimitiveTypeName() == PrimitiveTypeName.INT32
                            ? Integer.toString(reader.getInteger())
                            : Long.toString(reader.getLong());
                case UINT ->
                    column.type().getPrimitiveTypeName() == PrimitiveTypeName.INT32
                            ? Integer.toUnsignedString(reader.getInteger())
                            : Long.toUnsignedString(reader.getLong());
                case FLOAT -> floating(column, reader.getFloat());
                case DOUBLE -> floating(column, reader.getDouble());
                case TEXT, BYTES_AS_TEXT -> utf8(column, reader.getBinary());
                case UUID -> {
                    ByteBuffer b = reader.getBinary().toByteBuffer();
                    yield new UUID(b.getLong(b.position()), b.getLong(b.position() + 8)).toString();
                }
                case DATE -> LocalDate.ofEpochDay(reader.getInteger()).toString();
                case TIME -> {
                    long value = column.type().getPrimitiveTypeName() == PrimitiveTypeName.INT32
                            ? reader.getInteger()
                            : reader.getLong();
                    long nanos = Math.multiplyExact(value, 1_000_000_000L / column.unitsPerSecond());
                    LocalTime time = LocalTime.ofNanoOfDay(nanos);
                    // Always with seconds, as a CSV export writes a time: LocalTime.toString() drops ":00" seconds.
                    yield withFraction(time.format(TIME_SECONDS), time.getNano());
                }
                case TIMESTAMP -> {
                    long value = reader.getLong();
                    long units = column.unitsPerSecond();
                    yield dateTime(LocalDateTime.ofEpochSecond(
                            Math.floorDiv(value, units),
                            (int) (Math.floorMod(value, units) * (1_000_000_000L / units)),
                            ZoneOffset.UTC));
                }
                case INT96 -> {
                    ByteBuffer b = reader.getBinary().toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                    long nanosOfDay = b.getLong(b.position());
                    long julianDay = b.getInt(b.position() + 8);
                    yield dateTime(LocalDateTime.of(
                            LocalDate.ofEpochDay(julianDay - JULIAN_EPOCH_DAY), LocalTime.ofNanoOfDay(nanosOfDay)));
                }
                case DECIMAL ->
                    switch (column.type().getPrimitiveTypeName()) {
                        case INT32 ->
                            BigDecimal.valueOf(reader.getInteger(), column.scale())
                                    .toPlainString();
                        case INT64 ->
                            BigDecimal.valueOf(reader.getLong(), column.scale()).toPlainString();
                        default ->
                            new BigDecimal(new BigInteger(reader.getBinary().getBytes()), column.scale())
                                    .toPlainString();
                    };
                case NULL -> "";
            };
        }

        private String floating(Column column, double value) {
            if (Double.isNaN(value)) {
                nans[column.index()]++;
                return "";
            }
            if (Double.isInfinite(value)) {
                return value > 0 ? "Infinity" : "-Infinity";
            }
            // The shortest text that reads back as the same number, as the writer's own language would print it.
            return column.kind() == Kind.FLOAT ? Float.toString((float) value) : Double.toString(value);
        }

        private String utf8(Column column, Binary value) {
            try {
                return utf8.decode(value.toByteBuffer()).toString();
            } catch (CharacterCodingException e) {
                throw new InputException(
                        name,
                        "column '" + column.name() + "', row " + row + ": the value is not UTF-8 "
                                + "text"
                                + (column.kind() == Kind.BYTES_AS_TEXT
                                        ? " (the column holds binary data, which Assay " + "does not profile)"
                                        : " although the column is declared as text"));
            }
        }

        private static String dateTime(LocalDateTime time) {
            return withFraction(time.format(SECONDS), time.getNano());
        }

        /** The seconds, then the fraction of a second without its trailing zeros. */
        private static String withFraction(String seconds, int nano) {
            if (nano == 0) {
                return seconds;
            }
            String fraction = String.format(Locale.ROOT, "%09d", nano);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            return seconds + "." + fraction.substring(0, end);
        }

        /** The pages of one column chunk, read from the file one at a time as the column reader asks. */
        private final class ChunkPages implements PageReader {
            private final Column column;
            private final ColumnMetaData meta;
            private final int group;
            private final long end;
            private long position;
            private long valuesRead;
            private DictionaryPage dictionary;

            ChunkPages(Column column, ColumnDescriptor descriptor, ColumnMetaData meta, int group) {
                this.column = column;
                this.meta = meta;
                this.group = group;
                long start = meta.getData_page_offset();
                if (meta.isSetDictionary_page_offset()
                        && meta.getDictionary_page_offset() > 0
                        && meta.getDictionary_page_offset() < start) {
                    start = meta.getDictionary_page_offset();
                }
                this.position = start;
                this.end = start + meta.getTotal_compressed_size();
                if (start < 4 || meta.getTotal_compressed_size() < 0 || end > size - 8) {
                    throw damaged("its data lies outside the file");
                }
            }

            @Override
            public DictionaryPage readDictionaryPage() {
                if (dictionary == null && position < end) {
                    long before = position;
                    PageHeader header = header();
                    if (header.isSetDictionary_page_header()) {
                        byte[] data = body(header);
                        dictionary = new DictionaryPage(
                                BytesInput.from(data),
                                header.getDictionary_page_header().getNum_values(),
                                encoding(header.getDictionary_page_header().getEncoding()));
                    } else {
                        position = before;
                    }
                }
                return dictionary;
            }

            @Override
            public long getTotalValueCount() {
                return meta.getNum_values();
            }

            @Override
            public DataPage readPage() {
                while (valuesRead < meta.getNum_values()) {
                    if (position >= end) {
                        throw damaged("its pages end before its " + meta.getNum_values() + " values");
                    }
                    PageHeader header = header();
                    if (header.isSetData_page_header()) {
                        DataPageHeader page = header.getData_page_header();
                        byte[] data = body(header);
                        valuesRead += page.getNum_values();
                        return new DataPageV1(
                                BytesInput.from(data),
                                page.getNum_values(),
                                data.length,
                                statistics(),
                                encoding(page.getRepetition_level_encoding()),
                                encoding(page.getDefinition_level_encoding()),
                                encoding(page.getEncoding()));
                    }
                    if (header.isSetData_page_header_v2()) {
                        return pageV2(header);
                    }
                    if (header.isSetDictionary_page_header()) {
                        // Skipping it would decode the pages after it against the first dictionary: wrong values.
                        throw damaged("a dictionary page after the column's data (a column chunk holds one, first)");
                    }
                    // An index page: skip it.
                    position = Math.addExact(position, header.getCompressed_page_size());
                }
                return null;
            }

            private DataPage pageV2(PageHeader header) {
                DataPageHeaderV2 page = header.getData_page_header_v2();
                int levels =
                        Math.addExact(page.getRepetition_levels_byte_length(), page.getDefinition_levels_byte_length());
                int compressed = header.getCompressed_page_size();
                if (levels < 0 || levels > compressed || page.getRepetition_levels_byte_length() < 0) {
                    throw damaged("a page's level lengths do not fit the page");
                }
                byte[] raw = readAt(position, compressed);
                position += compressed;
                byte[] repetition = java.util.Arrays.copyOfRange(raw, 0, page.getRepetition_levels_byte_length());
                byte[] definition = java.util.Arrays.copyOfRange(raw, page.getRepetition_levels_byte_length(), levels);
                byte[] values = java.util.Arrays.copyOfRange(raw, levels, raw.length);
                int uncompressedValues = header.getUncompressed_page_size() - levels;
                if (!page.isSetIs_compressed() || page.isIs_compressed()) {
                    values = decompress(values, uncompressedValues);
                } else if (values.length != uncompressedValues) {
                    throw damaged("a page's sizes disagree");
                }
                valuesRead += page.getNum_values();
                return DataPageV2.uncompressed(
                        page.getNum_rows(),
                        page.getNum_nulls(),
                        page.getNum_values(),
                        BytesInput.from(repetition),
                        BytesInput.from(definition),
                        encoding(page.getEncoding()),
                        BytesInput.from(values),
                        statistics());
            }

            /**
             * None: the column readers never look at a page's statistics, and building empty ones would load the
             * geometry library parquet-column keeps for spatial statistics (left out of Assay's dependencies).
             */
            private Statistics<?> statistics() {
                return null;
            }

            private PageHeader header() {
                PositionStream in = new PositionStream(position, end);
                try {
                    PageHeader header = Util.readPageHeader(in);
                    position = in.position;
                    if (header.getCompressed_page_size() < 0
                            || header.getUncompressed_page_size() < 0
                            || position + header.getCompressed_page_size() > end) {
                        throw damaged("a page's size does not fit the column chunk");
                    }
                    if (header.getUncompressed_page_size() > MAX_PAGE) {
                        throw new InputException(
                                name,
                                "column '" + column.name() + "' has a page of "
                                        + Archives.megabytes(header.getUncompressed_page_size()) + "; at most "
                                        + Archives.megabytes(MAX_PAGE)
                                        + " per page is read: write the file with smaller pages");
                    }
                    return header;
                } catch (IOException e) {
                    throw damaged("a page header cannot be read (" + message(e) + ")");
                }
            }

            private byte[] body(PageHeader header) {
                byte[] raw = readAt(position, header.getCompressed_page_size());
                position += header.getCompressed_page_size();
                return decompress(raw, header.getUncompressed_page_size());
            }

            private byte[] decompress(byte[] raw, int uncompressed) {
                CompressionCodec codec = meta.getCodec();
                if (codec == CompressionCodec.UNCOMPRESSED) {
                    if (raw.length != uncompressed) {
                        throw damaged("a page's sizes disagree");
                    }
                    return raw;
                }
                if (uncompressed > maxBytes || uncompressed > RATIO_FREE && uncompressed > MAX_RATIO * raw.length) {
                    throw new InputException(
                            name,
                            "column '" + column.name() + "': a page of " + Archives.megabytes(raw.length)
                                    + " would inflate to " + Archives.megabytes(uncompressed) + ", more than "
                                    + MAX_RATIO
                                    + " times its size or the file limit; refused as a compression bomb");
                }
                byte[] data = new byte[uncompressed];
                int written;
                try {
                    written = switch (codec) {
                        case SNAPPY -> run(new SnappyDecompressor(), raw, data);
                        case ZSTD -> run(new ZstdDecompressor(), raw, data);
                        case LZ4_RAW -> run(new Lz4Decompressor(), raw, data);
                        case GZIP -> {
                            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                                int n = in.readNBytes(data, 0, data.length);
                                if (in.read() != -1) {
                                    throw damaged("a page inflates to more than its declared size");
                                }
                                yield n;
                            }
                        }
                        default -> throw new IllegalStateException("codec checked with the footer: " + codec);
                    };
                } catch (IOException | RuntimeException e) {
                    if (e instanceof InputException input) {
                        throw input;
                    }
                    throw damaged("a " + codec + " page cannot be decompressed (" + message(e) + ")");
                }
                if (written != uncompressed) {
                    throw damaged(
                            "a page decompresses to " + written + " bytes, not the " + uncompressed + " it declares");
                }
                return data;
            }

            private static int run(Decompressor decompressor, byte[] raw, byte[] data) {
                return decompressor.decompress(raw, 0, raw.length, data, 0, data.length);
            }

            private Encoding encoding(org.apache.parquet.format.Encoding encoding) {
                try {
                    return Encoding.valueOf(encoding.name());
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw damaged("an unknown encoding (" + encoding + ")");
                }
            }

            private InputException damaged(String what) {
                return new InputException(
                        name,
                        "is a damaged Parquet file: column '" + column.name() + "' in row group " + group + ": "
                                + what);
            }

            private byte[] readAt(long offset, int length) {
                try {
                    return bytes.read(offset, length);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + name, e);
                }
            }

            /**
             * The file from a position, for the page header parser: read ahead in small blocks, never past the
             * chunk's end; {@link #position} is where the parser stopped, i.e. where the page's data starts.
             */
            private final class PositionStream extends InputStream {
                private static final int BLOCK = 512;
                private long position;
                private final long limit;
                private byte[] block = new byte[0];
                private long blockStart;

                PositionStream(long position, long limit) {
                    this.position = position;
                    this.limit = limit;
                    this.blockStart = position;
                }

                @Override
                public int read() throws IOException {
                    if (!fill()) {
                        return -1;
                    }
                    return block[(int) (position++ - blockStart)] & 0xFF;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (len == 0) {
                        return 0;
                    }
                    if (!fill()) {
                        return -1;
                    }
                    int n = (int) Math.min(len, blockStart + block.length - position);
                    System.arraycopy(block, (int) (position - blockStart), b, off, n);
                    position += n;
                    return n;
                }

                private boolean fill() throws IOException {
                    if (position < blockStart + block.length) {
                        return true;
                    }
                    if (position >= limit) {
                        return false;
                    }
                    blockStart = position;
                    block = bytes.read(position, (int) Math.min(BLOCK, limit - position));
                    return true;
                }
            }
        }
    }

    /** The column readers need a converter tree; values are taken from the readers directly instead. */
    private static final class NoConverter extends GroupConverter {
        static final NoConverter ROOT = new NoConverter();
        private static final PrimitiveConverter VALUE = new PrimitiveConverter() {};

        @Override
        public Converter getConverter(int fieldIndex) {
            return VALUE;
        }

        @Override
        public void start() {}

        @Override
        public void end() {}
    }

    private static byte[] readFully(FileChannel channel, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        long at = offset;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new java.io.EOFException("the file ends at byte " + at);
            }
            at += n;
        }
        return buffer.array();
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /**
     * The number of values a column chunk declares. Parquet deprecates the getter because a reader that filters by
     * column index cannot know the count up front; this reader never filters, and the count is what lets it refuse
     * a damaged file before decoding it.
     */
    @SuppressWarnings("deprecation")
    private static long totalValues(ColumnReader reader) {
        return reader.getTotalValueCount();
    }
}
