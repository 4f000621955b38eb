package dev.assay.runner.source;

import static dev.assay.runner.source.SourceFormatsTest.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.runner.core.InputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tech.tablesaw.api.Table;

/**
 * The values a Parquet file holds at the edges of their types (signs, eras, units, unsigned ranges, text that
 * needs CSV quoting, nulls across page versions and encodings) come out as the same values, never shifted.
 */
class ParquetValuesTest {

    @TempDir
    Path dir;

    private String csvOf(Path parquet) {
        Path csv = dir.resolve(parquet.getFileName() + ".csv");
        ParquetFiles.toCsv(parquet, parquet.getFileName().toString(), csv, 1L << 30);
        try {
            return Files.readString(csv);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path duckDb(String name, String select, String options) throws Exception {
        Path file = dir.resolve(name);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "SET TimeZone='UTC'; COPY (" + select + ") TO '" + file + "' (FORMAT parquet" + options + ")");
        }
        return file;
    }

    /** Years before 1 AD and after 9999 keep their sign and digits, as dates do (ISO: 44 BC is -0043). */
    @Test
    void timestampsOfEveryUnitKeepTheirEraBefore1970AndAfter9999() throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType("""
                message m {
                  optional int64 ms (TIMESTAMP(MILLIS,false));
                  optional int64 us (TIMESTAMP(MICROS,true));
                  optional int64 ns (TIMESTAMP(NANOS,false));
                }
                """);
        LocalDateTime[] moments = {
            LocalDateTime.of(-43, 3, 15, 12, 0),
            LocalDateTime.of(0, 1, 1, 0, 0),
            LocalDateTime.of(1, 1, 1, 0, 0),
            LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_000_000),
            LocalDateTime.of(12_000, 1, 1, 0, 0, 0, 1_000)
        };
        SimpleGroupFactory rows = new SimpleGroupFactory(schema);
        List<Group> all = new ArrayList<>();
        for (LocalDateTime moment : moments) {
            long seconds = moment.toEpochSecond(ZoneOffset.UTC);
            Group row = rows.newGroup()
                    .append("ms", seconds * 1000 + moment.getNano() / 1_000_000)
                    .append("us", seconds * 1_000_000 + moment.getNano() / 1000);
            if (moment.getYear() > 1677 && moment.getYear() < 2262) {
                row.append("ns", seconds * 1_000_000_000 + moment.getNano());
            }
            all.add(row);
        }
        Path file = ParquetWriting.write(
                dir.resolve("eras.parquet"), schema, all, CompressionCodecName.SNAPPY, WriterVersion.PARQUET_1_0, 2);

        assertThat(csvOf(file)).isEqualTo("""
                ms,us,ns
                -0043-03-15 12:00:00,-0043-03-15 12:00:00,
                0000-01-01 00:00:00,0000-01-01 00:00:00,
                0001-01-01 00:00:00,0001-01-01 00:00:00,
                1969-12-31 23:59:59.999,1969-12-31 23:59:59.999,1969-12-31 23:59:59.999
                +12000-01-01 00:00:00,+12000-01-01 00:00:00.000001,
                """);
    }

    /** INT96: nanoseconds of the day and a Julian day; days before 1970 and before the Gregorian reform. */
    @Test
    void int96TimestampsBefore1970AreTheirDay() throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType("message m { optional int96 stamp; }");
        SimpleGroupFactory rows = new SimpleGroupFactory(schema);
        List<Group> all = new ArrayList<>();
        for (LocalDateTime moment : List.of(
                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_999),
                LocalDateTime.of(1600, 2, 29, 0, 0),
                LocalDateTime.of(1970, 1, 1, 0, 0))) {
            ByteBuffer stamp = ByteBuffer.allocate(12)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(moment.toLocalTime().toNanoOfDay())
                    .putInt((int) (moment.toLocalDate().toEpochDay() + 2_440_588));
            all.add(rows.newGroup().append("stamp", Binary.fromConstantByteArray(stamp.array())));
        }
        Path file = ParquetWriting.write(
                dir.resolve("int96.parquet"),
                schema,
                all,
                CompressionCodecName.UNCOMPRESSED,
                WriterVersion.PARQUET_1_0,
                10);

        assertThat(csvOf(file))
                .isEqualTo("stamp\n1969-12-31 23:59:59.999999999\n1600-02-29 00:00:00\n1970-01-01 00:00:00\n");
    }

    @Test
    void timesKeepTheirSecondsAsACsvExportWritesThem() throws Exception {
        Path file = duckDb(
                "times.parquet",
                "SELECT * FROM (VALUES (TIME '08:30:00', TIME '00:00:00', "
                        + "TIME '23:59:59.999999', TIME '08:30:15.1')) t(a, b, c, d)",
                "");

        assertThat(csvOf(file)).isEqualTo("a,b,c,d\n08:30:00,00:00:00,23:59:59.999999,08:30:15.1\n");
    }

    @Test
    void negativeDecimalsKeepTheirSignAndScaleOnEveryPhysicalType() throws Exception {
        Path file = duckDb(
                "decimals.parquet",
                "SELECT * FROM (VALUES (-12.50::DECIMAL(4,2), -0.01::DECIMAL(9,2), "
                        + "-3.1416::DECIMAL(18,4), -1234567.000001::DECIMAL(30,6), -0.000001::DECIMAL(38,6), -1::DECIMAL(38,0)), "
                        + "(0.01::DECIMAL(4,2), 9999999.99::DECIMAL(9,2), -99999999999999.9999::DECIMAL(18,4), "
                        + "-99999999999999999999999.999999::DECIMAL(30,6), 0::DECIMAL(38,6), 128::DECIMAL(38,0))) t(a, b, c, d, e, f)",
                "");

        assertThat(csvOf(file)).isEqualTo("""
                a,b,c,d,e,f
                -12.50,-0.01,-3.1416,-1234567.000001,-0.000001,-1
                0.01,9999999.99,-99999999999999.9999,-99999999999999999999999.999999,0.000000,128
                """);
    }

    @Test
    void datesBefore1970AndBeforeYearOneAreTheirDay() throws Exception {
        Path file = duckDb(
                "dates.parquet",
                "SELECT * FROM (VALUES (DATE '1969-12-31', DATE '1582-10-15', "
                        + "DATE '0001-01-01', DATE '0044-03-15 (BC)', DATE '9999-12-31')) t(a, b, c, d, e)",
                "");

        assertThat(csvOf(file)).isEqualTo("a,b,c,d,e\n1969-12-31,1582-10-15,0001-01-01,-0043-03-15,9999-12-31\n");
    }

    @Test
    void unsignedIntegersAboveTheSignedMaximumAreNotNegative() throws Exception {
        Path file = duckDb(
                "unsigned.parquet",
                "SELECT * FROM (VALUES (4294967295::UINTEGER, 18446744073709551615::UBIGINT, "
                        + "255::UTINYINT, 65535::USMALLINT, 2147483648::UINTEGER, 9223372036854775808::UBIGINT)) t(a, b, c, d, e, f)",
                "");

        assertThat(csvOf(file))
                .isEqualTo(
                        "a,b,c,d,e,f\n4294967295,18446744073709551615,255,65535,2147483648," + "9223372036854775808\n");
    }

    /** Commas, quotes, line breaks (LF, CR, CRLF) in values and names survive the CSV the engine reads. */
    @Test
    void textAndNamesThatNeedCsvQuotingReadBackAsTheyWere() throws Exception {
        Path file = duckDb(
                "text.parquet",
                "SELECT * FROM (VALUES (1, 'a,b', 'say \"hi\"', 'one' || chr(10) || 'two', "
                        + "'cr' || chr(13) || 'here', 'crlf' || chr(13) || chr(10) || 'end'), (2, NULL, '\"', ',', chr(13), 'x')) "
                        + "t(id, \"a,b\", \"q\"\"uote\", \"new line\", d, e)",
                "");

        Table table = read(file).table();

        assertThat(table.columnNames()).containsExactly("id", "a,b", "q\"uote", "new line", "d", "e");
        assertThat(table.rowCount()).isEqualTo(2);
        assertThat(table.stringColumn("a,b").get(0)).isEqualTo("a,b");
        assertThat(table.column("a,b").isMissing(1)).isTrue();
        assertThat(table.stringColumn("q\"uote").asList()).containsExactly("say \"hi\"", "\"");
        assertThat(table.stringColumn("new line").asList()).containsExactly("one\ntwo", ",");
        assertThat(table.stringColumn("d").get(0)).isEqualTo("cr\rhere");
        assertThat(table.stringColumn("e").get(0)).isEqualTo("crlf\r\nend");
    }

    /**
     * A float becomes the shortest text that is the same float (0.1f is 0.1, not 0.10000000149011612), so its
     * profile is the one of the CSV a person would export; infinities stay numbers, NaN is missing and counted.
     */
    @Test
    void floatsAreTheirShortestTextAndProfileLikeTheirCsvTwin() throws Exception {
        Path file = duckDb(
                "floats.parquet",
                "SELECT * FROM (VALUES (0.1::FLOAT, 0.1::DOUBLE, 'NaN'::FLOAT, true), "
                        + "(16777217::FLOAT, 1e300::DOUBLE, 'Infinity'::FLOAT, NULL), (1e-5::FLOAT, -0.0::DOUBLE, 2.5::FLOAT, false)) "
                        + "t(f, d, special, flag)",
                "");
        Path csv = dir.resolve("floats.csv");

        ParquetFiles.Read decoded = ParquetFiles.toCsv(file, "floats.parquet", csv, 1 << 20);

        assertThat(Files.readString(csv)).isEqualTo("""
                f,d,special,flag
                0.1,0.1,,true
                1.6777216E7,1.0E300,Infinity,
                1.0E-5,-0.0,2.5,false
                """);
        assertThat(decoded.notes())
                .containsExactly("1 value of Parquet column 'special' is NaN (not a number); read as " + "missing");
        Table twin = read(Files.writeString(dir.resolve("twin.csv"), """
                f,d,special,flag
                0.1,0.1,,true
                16777216,1e300,Infinity,
                0.00001,-0.0,2.5,false
                """)).table();
        Table table = read(file).table();
        for (String column : List.of("f", "d", "special")) {
            assertThat(table.numberColumn(column).asDoubleArray())
                    .as(column)
                    .containsExactly(twin.numberColumn(column).asDoubleArray());
        }
        assertThat(table.column("flag").countMissing()).isEqualTo(1);
    }

    /**
     * Optional columns across row groups, page versions 1 and 2, and a dictionary that overflows into plain pages
     * in the same column chunk: every null stays on its row.
     */
    @ParameterizedTest
    @EnumSource(WriterVersion.class)
    void nullsStayOnTheirRowsAcrossPageVersionsRowGroupsAndDictionaryFallback(WriterVersion version) throws Exception {
        MessageType schema = MessageTypeParser.parseMessageType("""
                message m {
                  required int32 id;
                  optional binary code (STRING);
                  optional boolean flag;
                  optional int64 amount;
                }
                """);
        SimpleGroupFactory rows = new SimpleGroupFactory(schema);
        List<Group> all = new ArrayList<>();
        StringBuilder expected = new StringBuilder("id,code,flag,amount\n");
        for (int i = 0; i < 6000; i++) {
            Group row = rows.newGroup().append("id", i);
            // Few distinct codes at first (a dictionary), then many (the dictionary overflows, plain pages follow).
            String code = i % 3 == 0 ? "" : i < 1500 ? "c" + i % 7 : "code-" + i;
            String flag = i % 5 == 0 ? "" : Boolean.toString(i % 2 == 0);
            String amount = i % 4 == 1 ? "" : Long.toString((long) i * 1_000_003 - 3_000_000_000L);
            if (!code.isEmpty()) {
                row.append("code", code);
            }
            if (!flag.isEmpty()) {
                row.append("flag", Boolean.parseBoolean(flag));
            }
            if (!amount.isEmpty()) {
                row.append("amount", Long.parseLong(amount));
            }
            all.add(row);
            expected.append(i)
                    .append(',')
                    .append(code)
                    .append(',')
                    .append(flag)
                    .append(',')
                    .append(amount)
                    .append('\n');
        }
        Path file = ParquetWriting.write(
                dir.resolve("nulls-" + version + ".parquet"),
                schema,
                all,
                CompressionCodecName.SNAPPY,
                version,
                2500,
                1024,
                true);

        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet chunk = statement.executeQuery("SELECT count(DISTINCT row_group_id), "
                        + "bool_and(dictionary_page_offset < data_page_offset), string_agg(encodings, ' | ' ORDER BY row_group_id) "
                        + "FROM parquet_metadata('" + file + "') WHERE path_in_schema = 'code'")) {
            chunk.next();
            assertThat(chunk.getLong(1)).as("row groups").isEqualTo(3);
            assertThat(chunk.getBoolean(2))
                    .as("dictionary page before the data pages")
                    .isTrue();
            assertThat(chunk.getString(3))
                    .as("dictionary and plain pages")
                    .contains("DICTIONARY")
                    .contains("PLAIN,");
        }
        assertThat(csvOf(file)).isEqualTo(expected.toString());
    }

    /**
     * Some writers leave a row group without rows (parquet-java refuses to write one, so the footer of a written
     * file gets one added between its two row groups, column chunks of no values); it holds no data, the others are
     * read.
     */
    @Test
    void anEmptyRowGroupIsReadAsNoRows() throws IOException {
        MessageType schema =
                MessageTypeParser.parseMessageType("message m { required int32 id; optional binary name (STRING); }");
        SimpleGroupFactory rows = new SimpleGroupFactory(schema);
        Path file = ParquetWriting.write(
                dir.resolve("groups.parquet"),
                schema,
                List.of(
                        rows.newGroup().append("id", 1).append("name", "a"),
                        rows.newGroup().append("id", 2)),
                CompressionCodecName.SNAPPY,
                WriterVersion.PARQUET_1_0,
                1);
        byte[] whole = Files.readAllBytes(file);
        int footerLength = ByteBuffer.wrap(whole, whole.length - 8, 4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .getInt();
        int footerStart = whole.length - 8 - footerLength;
        FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(whole, footerStart, footerLength));
        RowGroup empty = meta.getRow_groups().getFirst().deepCopy();
        empty.setNum_rows(0);
        empty.setTotal_byte_size(0);
        empty.setTotal_compressed_size(0);
        for (ColumnChunk chunk : empty.getColumns()) {
            chunk.getMeta_data()
                    .setNum_values(0)
                    .setTotal_compressed_size(0)
                    .setTotal_uncompressed_size(0)
                    .unsetDictionary_page_offset();
            chunk.getMeta_data().unsetStatistics();
            chunk.getMeta_data().setData_page_offset(footerStart);
        }
        meta.getRow_groups().add(1, empty);
        ByteArrayOutputStream footer = new ByteArrayOutputStream();
        Util.writeFileMetaData(meta, footer);
        ByteArrayOutputStream patched = new ByteArrayOutputStream();
        patched.write(whole, 0, footerStart);
        patched.write(footer.toByteArray());
        patched.write(ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(footer.size())
                .array());
        patched.write(new byte[] {'P', 'A', 'R', '1'});
        Path withEmpty = Files.write(dir.resolve("empty-group.parquet"), patched.toByteArray());

        assertThat(csvOf(withEmpty)).isEqualTo("id,name\n1,a\n2,\n");
    }

    @Test
    void aFileWithoutRowsIsRefusedAsACsvWithoutDataRowsIs() throws Exception {
        Path file = duckDb("zero.parquet", "SELECT 1::INTEGER AS a, 'x' AS b WHERE false", "");

        assertThat(csvOf(file)).isEqualTo("a,b\n");
        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InputException.class)
                .hasMessage("zero.parquet: has a header but no data rows");
    }

    @Test
    void aVeryLongStringIsReadWhole() throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType("message m { required binary text (STRING); }");
        java.util.Random random = new java.util.Random(5);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1_200_000; i++) {
            text.append("aé,\"\nxyz".charAt(random.nextInt(8)));
        }
        String longText = text.toString();
        Path file = ParquetWriting.write(
                dir.resolve("long.parquet"),
                schema,
                List.of(new SimpleGroupFactory(schema).newGroup().append("text", longText)),
                CompressionCodecName.ZSTD,
                WriterVersion.PARQUET_2_0,
                10);

        assertThat(csvOf(file)).isEqualTo("text\n\"" + longText.replace("\"", "\"\"") + "\"\n");
    }

    /** A page header that claims more bytes than its column chunk (and the file) hold is refused, not allocated. */
    @Test
    void aPageHeaderClaimingMoreThanTheFileIsRefused() throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType("message m { required int32 id; }");
        SimpleGroupFactory rows = new SimpleGroupFactory(schema);
        Path file = ParquetWriting.write(
                dir.resolve("page.parquet"),
                schema,
                List.of(rows.newGroup().append("id", 1), rows.newGroup().append("id", 2)),
                CompressionCodecName.UNCOMPRESSED,
                WriterVersion.PARQUET_1_0,
                10,
                4096,
                false);
        byte[] whole = Files.readAllBytes(file);
        int footerLength = ByteBuffer.wrap(whole, whole.length - 8, 4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .getInt();
        FileMetaData meta =
                Util.readFileMetaData(new ByteArrayInputStream(whole, whole.length - 8 - footerLength, footerLength));
        int at = (int) meta.getRow_groups()
                .getFirst()
                .getColumns()
                .getFirst()
                .getMeta_data()
                .getData_page_offset();
        ByteArrayInputStream in = new ByteArrayInputStream(whole, at, whole.length - at);
        PageHeader header = Util.readPageHeader(in);
        int headerEnd = whole.length - in.available();
        header.setCompressed_page_size(1_500_000_000);
        header.setUncompressed_page_size(1_500_000_000);
        ByteArrayOutputStream patched = new ByteArrayOutputStream();
        patched.write(whole, 0, at);
        Util.writePageHeader(header, patched);
        patched.write(whole, headerEnd, whole.length - headerEnd);
        Path damaged = Files.write(dir.resolve("claims.parquet"), patched.toByteArray());

        assertThatThrownBy(() -> csvOf(damaged))
                .isInstanceOf(InputException.class)
                .hasMessage(
                        "claims.parquet: is a "
                                + "damaged Parquet file: column 'id' in row group 1: a page's size does not fit the column chunk");
    }

    /**
     * A column chunk holds one dictionary, first. One with a second dictionary page further on (two chunks glued
     * together) would decode the later pages against the first dictionary: every value wrong, no error.
     */
    @Test
    void aSecondDictionaryPageInAColumnChunkIsRefusedNotSkipped() throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType("message m { required binary s (STRING); }");
        SimpleGroupFactory rows = new SimpleGroupFactory(schema);
        List<Group> first = new ArrayList<>();
        List<Group> second = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            first.add(rows.newGroup().append("s", "a" + i % 4));
            second.add(rows.newGroup().append("s", "b" + i % 4));
        }
        byte[] a = Files.readAllBytes(ParquetWriting.write(
                dir.resolve("a.parquet"),
                schema,
                first,
                CompressionCodecName.UNCOMPRESSED,
                WriterVersion.PARQUET_1_0,
                20));
        byte[] b = Files.readAllBytes(ParquetWriting.write(
                dir.resolve("b.parquet"),
                schema,
                second,
                CompressionCodecName.UNCOMPRESSED,
                WriterVersion.PARQUET_1_0,
                20));
        FileMetaData meta = footer(a);
        org.apache.parquet.format.ColumnMetaData chunkA =
                meta.getRow_groups().getFirst().getColumns().getFirst().getMeta_data();
        org.apache.parquet.format.ColumnMetaData chunkB =
                footer(b).getRow_groups().getFirst().getColumns().getFirst().getMeta_data();
        assertThat(chunkA.getDictionary_page_offset()).isEqualTo(4);
        ByteArrayOutputStream glued = new ByteArrayOutputStream();
        glued.write(a, 0, (int) (4 + chunkA.getTotal_compressed_size()));
        glued.write(b, (int) chunkB.getDictionary_page_offset(), (int) chunkB.getTotal_compressed_size());
        chunkA.setTotal_compressed_size(chunkA.getTotal_compressed_size() + chunkB.getTotal_compressed_size());
        chunkA.setNum_values(40);
        chunkA.unsetStatistics();
        meta.getRow_groups().getFirst().setNum_rows(40);
        meta.setNum_rows(40);
        ByteArrayOutputStream footer = new ByteArrayOutputStream();
        Util.writeFileMetaData(meta, footer);
        glued.write(footer.toByteArray());
        glued.write(ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(footer.size())
                .array());
        glued.write(new byte[] {'P', 'A', 'R', '1'});
        Path file = Files.write(dir.resolve("two-dictionaries.parquet"), glued.toByteArray());

        assertThatThrownBy(() -> csvOf(file))
                .isInstanceOf(InputException.class)
                .hasMessage("two-dictionaries.parquet: "
                        + "is a damaged Parquet file: column 's' in row group 1: a dictionary page after the column's data (a column "
                        + "chunk holds one, first)");
    }

    private static FileMetaData footer(byte[] file) throws IOException {
        int length = ByteBuffer.wrap(file, file.length - 8, 4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .getInt();
        return Util.readFileMetaData(new ByteArrayInputStream(file, file.length - 8 - length, length));
    }
}
