package dev.assay.runner.source;

import static dev.assay.runner.source.SourceFormatsTest.assertSameTable;
import static dev.assay.runner.source.SourceFormatsTest.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.model.profile.Profile;
import dev.assay.model.profile.VariableProfile;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.InputException;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.engine.Engine;
import dev.assay.runner.ingest.CsvIngest;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * Parquet files written by parquet-java (every logical type Assay reads, every codec, both page versions, several
 * row groups) and by DuckDB, read as their CSV twins; nested, cut, damaged and renamed files refused.
 */
class ParquetSourceTest {

    @TempDir
    Path dir;

    private static final MessageType TYPES = MessageTypeParser.parseMessageType("""
            message people {
              required int32 id;
              optional binary name (STRING);
              optional boolean member;
              optional int64 visits;
              optional float ratio;
              optional double score;
              optional int32 born (DATE);
              optional int64 seen_ms (TIMESTAMP(MILLIS,true));
              optional int64 seen_us (TIMESTAMP(MICROS,false));
              optional int64 seen_ns (TIMESTAMP(NANOS,true));
              optional int32 price32 (DECIMAL(9,2));
              optional int64 price64 (DECIMAL(18,4));
              optional fixed_len_byte_array(16) price_fixed (DECIMAL(38,6));
              optional binary price_binary (DECIMAL(30,3));
              optional int32 level (INTEGER(8,true));
              optional int64 counter (INTEGER(64,false));
            }
            """);

    /** The CSV a person would export from the same table. */
    private static final String TYPES_TWIN = """
            id,name,member,visits,ratio,score,born,seen_ms,seen_us,seen_ns,price32,price64,price_fixed,price_binary,level,counter
            1,Zoë,true,10,0.5,1.25,2024-01-31,2024-01-31 08:30:00.123,2024-01-31 08:30:00.123456,2024-01-31 08:30:00.123456789,12.50,3.1416,1234567.000001,-5.500,-3,42
            2,"Smith, ""Jo""\",false,0,0.1,-2.0,1969-12-31,1969-12-31 23:59:59.999,1970-01-01 00:00:00,2024-02-29 23:59:59,0.05,-0.0001,-0.000001,123456789012345678901.250,127,9000000000000000000
            3,,,,,,,,,,,,,,,
            4,René,true,7,2.5,1.0E-5,2000-02-29,2024-12-24 18:00:00,2024-12-24 18:00:00.5,2024-12-24 18:00:00.000000001,99.90,100.0000,0.000000,0.000,0,7
            """;

    private static List<Group> typedRows() {
        SimpleGroupFactory rows = new SimpleGroupFactory(TYPES);
        List<Group> all = new ArrayList<>();
        all.add(rows.newGroup()
                .append("id", 1)
                .append("name", "Zoë")
                .append("member", true)
                .append("visits", 10L)
                .append("ratio", 0.5f)
                .append("score", 1.25)
                .append("born", days("2024-01-31"))
                .append("seen_ms", 1_706_689_800_123L)
                .append("seen_us", 1_706_689_800_123_456L)
                .append("seen_ns", 1_706_689_800_123_456_789L)
                .append("price32", 1250)
                .append("price64", 31416L)
                .append("price_fixed", fixed(new BigInteger("1234567000001")))
                .append(
                        "price_binary",
                        Binary.fromConstantByteArray(BigInteger.valueOf(-5500).toByteArray()))
                .append("level", -3)
                .append("counter", 42L));
        all.add(rows.newGroup()
                .append("id", 2)
                .append("name", "Smith, \"Jo\"")
                .append("member", false)
                .append("visits", 0L)
                .append("ratio", 0.1f)
                .append("score", -2.0)
                .append("born", -1)
                .append("seen_ms", -1L)
                .append("seen_us", 0L)
                .append("seen_ns", 1_709_251_199_000_000_000L)
                .append("price32", 5)
                .append("price64", -1L)
                .append("price_fixed", fixed(BigInteger.valueOf(-1)))
                .append(
                        "price_binary",
                        Binary.fromConstantByteArray(new BigDecimal("123456789012345678901.250")
                                .unscaledValue()
                                .toByteArray()))
                .append("level", 127)
                .append("counter", 9_000_000_000_000_000_000L));
        all.add(rows.newGroup().append("id", 3));
        all.add(rows.newGroup()
                .append("id", 4)
                .append("name", "René")
                .append("member", true)
                .append("visits", 7L)
                .append("ratio", 2.5f)
                .append("score", 0.00001)
                .append("born", days("2000-02-29"))
                .append("seen_ms", 1_735_063_200_000L)
                .append("seen_us", 1_735_063_200_500_000L)
                .append("seen_ns", 1_735_063_200_000_000_001L)
                .append("price32", 9990)
                .append("price64", 1_000_000L)
                .append("price_fixed", fixed(BigInteger.ZERO))
                .append("price_binary", Binary.fromConstantByteArray(BigInteger.ZERO.toByteArray()))
                .append("level", 0)
                .append("counter", 7L));
        return all;
    }

    private static int days(String date) {
        return (int) java.time.LocalDate.parse(date).toEpochDay();
    }

    /** A 16-byte big-endian two's complement, as FIXED_LEN_BYTE_ARRAY decimals are stored. */
    private static Binary fixed(BigInteger unscaled) {
        byte[] value = unscaled.toByteArray();
        byte[] bytes = new byte[16];
        java.util.Arrays.fill(bytes, 0, 16 - value.length, (byte) (unscaled.signum() < 0 ? 0xFF : 0));
        System.arraycopy(value, 0, bytes, 16 - value.length, value.length);
        return Binary.fromConstantByteArray(bytes);
    }

    private Path typesFile(CompressionCodecName codec, WriterVersion version) throws IOException {
        return ParquetWriting.write(
                dir.resolve("people-" + codec + "-" + version + ".parquet"), TYPES, typedRows(), codec, version, 3);
    }

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void everyLogicalTypeBecomesTheTextOfItsCsvTwin() throws IOException {
        Path csv = dir.resolve("decoded.csv");

        ParquetFiles.Read read = ParquetFiles.toCsv(
                typesFile(CompressionCodecName.SNAPPY, WriterVersion.PARQUET_1_0),
                "people.parquet",
                csv,
                EngineConfig.defaults().maxFileBytes());

        assertThat(read.rows()).isEqualTo(4);
        assertThat(Files.readString(csv)).isEqualTo(TYPES_TWIN);
        assertThat(ParquetFiles.check(
                        (offset, length) -> slice(
                                typesFile(CompressionCodecName.SNAPPY, WriterVersion.PARQUET_1_0), offset, length),
                        Files.size(typesFile(CompressionCodecName.SNAPPY, WriterVersion.PARQUET_1_0)),
                        "people.parquet"))
                .isEqualTo(new ParquetFiles.Layout(
                        List.of(TYPES_TWIN.lines().findFirst().orElseThrow().split(",")), 4, 2));
        assertThat(read.notes())
                .containsExactly("Parquet columns 'seen_ms', 'seen_ns' hold instants (timestamps "
                        + "adjusted to UTC); read as UTC date-times");
    }

    @Test
    void everyLogicalTypeIsProfiledLikeItsCsvTwin() throws IOException {
        CsvIngest.Result result = read(typesFile(CompressionCodecName.SNAPPY, WriterVersion.PARQUET_2_0));
        Table twin = read(csv("people.csv", TYPES_TWIN)).table();

        assertSameTable(result.table(), twin);
        assertThat(result.table().column("born").type()).isEqualTo(ColumnType.LOCAL_DATE);
        assertThat(result.table().column("seen_us").type()).isEqualTo(ColumnType.LOCAL_DATE_TIME);
        assertThat(result.table().column("price_binary").type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(result.table().column("name").countMissing()).isEqualTo(1);
        assertThat(result.report().source().format()).isEqualTo("parquet");
        assertThat(result.report().source().describe()).isEqualTo("parquet");
        assertThat(result.report().source().encoding()).isEmpty();
    }

    static Stream<Arguments> codecsAndPageVersions() {
        return Stream.of(
                        CompressionCodecName.UNCOMPRESSED,
                        CompressionCodecName.SNAPPY,
                        CompressionCodecName.GZIP,
                        CompressionCodecName.ZSTD,
                        CompressionCodecName.LZ4_RAW)
                .flatMap(codec -> Stream.of(WriterVersion.PARQUET_1_0, WriterVersion.PARQUET_2_0)
                        .map(version -> Arguments.of(codec, version)));
    }

    /** Several row groups of several pages, dictionary-encoded and plain columns. */
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("codecsAndPageVersions")
    void eachCodecAndPageVersionReadsTheSameTable(CompressionCodecName codec, WriterVersion version)
            throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType("""
                message orders {
                  required int64 id;
                  optional binary city (STRING);
                  optional double amount;
                  optional int32 day (DATE);
                }
                """);
        SimpleGroupFactory rows = new SimpleGroupFactory(schema);
        StringBuilder twin = new StringBuilder("id,city,amount,day\n");
        String[] cities = {"Zürich", "Köln", "São Paulo", "Besançon"};
        List<Group> all = new ArrayList<>();
        Random random = new Random(17);
        for (int i = 0; i < 2500; i++) {
            Group row = rows.newGroup().append("id", (long) i);
            String city = i % 11 == 0 ? "" : cities[random.nextInt(cities.length)];
            double amount = Math.round(random.nextDouble() * 100_000) / 100.0;
            if (!city.isEmpty()) {
                row.append("city", city);
            }
            row.append("amount", amount).append("day", 19_000 + i % 400);
            all.add(row);
            twin.append(i)
                    .append(',')
                    .append(city)
                    .append(',')
                    .append(amount)
                    .append(',')
                    .append(java.time.LocalDate.ofEpochDay(19_000 + i % 400))
                    .append('\n');
        }
        Path file = ParquetWriting.write(dir.resolve("orders.parquet"), schema, all, codec, version, 1000);

        CsvIngest.Result result = read(file);

        assertSameTable(result.table(), read(csv("orders.csv", twin.toString())).table());
        assertThat(result.table().rowCount()).isEqualTo(2500);
        assertThat(result.table().column("city").countMissing()).isEqualTo(228);
    }

    @Test
    void aParquetTwinOfTitanicWrittenByDuckDbIsProfiledWithTheSameFacts() throws Exception {
        assertSameProfile(Path.of("../examples/datasets/titanic.csv"), "ZSTD");
    }

    @Test
    void aParquetTwinOfTheTaxisWithTimestampsWrittenByDuckDbIsProfiledWithTheSameFacts() throws Exception {
        assertSameProfile(Path.of("../examples/datasets/taxis.csv"), "SNAPPY");
    }

    private void assertSameProfile(Path csv, String codec) throws Exception {
        String stem = csv.getFileName().toString().replace(".csv", "");
        Path parquet = dir.resolve(stem + ".parquet");
        duckDb("COPY (SELECT * FROM read_csv('" + csv.toAbsolutePath() + "')) TO '" + parquet + "' (FORMAT parquet, "
                + "COMPRESSION " + codec + ")");
        Engine engine = new Engine(EngineConfig.defaults());

        Profile fromCsv = engine.profile(csv, dir.resolve(stem + "-csv"), ProgressListener.NONE, SourceOptions.none())
                .profile();
        Profile fromParquet = engine.profile(
                        parquet, dir.resolve(stem + "-parquet"), ProgressListener.NONE, SourceOptions.none())
                .profile();

        assertThat(fromParquet.ingest().source().format()).isEqualTo("parquet");
        assertThat(fromParquet.table().rows()).isEqualTo(fromCsv.table().rows()).isPositive();
        assertThat(fromParquet.table().missingCells()).isEqualTo(fromCsv.table().missingCells());
        assertThat(fromParquet.table().types()).isEqualTo(fromCsv.table().types());
        assertThat(fromParquet.variables().keySet())
                .containsExactlyElementsOf(fromCsv.variables().keySet());
        for (VariableProfile expected : fromCsv.variables().values()) {
            VariableProfile actual = fromParquet.variables().get(expected.name());
            assertThat(actual.type()).as(expected.name()).isEqualTo(expected.type());
            assertThat(actual.storage()).as(expected.name()).isEqualTo(expected.storage());
            assertThat(actual.missing()).as(expected.name()).isEqualTo(expected.missing());
            assertThat(actual.distinct()).as(expected.name()).isEqualTo(expected.distinct());
            assertThat(actual.numeric().isPresent())
                    .as(expected.name())
                    .isEqualTo(expected.numeric().isPresent());
            expected.numeric().ifPresent(n -> {
                assertThat(actual.numeric().get().mean()).as(expected.name()).isCloseTo(n.mean(), within(1e-9));
                assertThat(actual.numeric().get().std()).as(expected.name()).isCloseTo(n.std(), within(1e-9));
                assertThat(actual.numeric().get().min()).as(expected.name()).isEqualTo(n.min());
                assertThat(actual.numeric().get().max()).as(expected.name()).isEqualTo(n.max());
                assertThat(actual.numeric().get().median()).as(expected.name()).isEqualTo(n.median());
            });
        }
        assertThat(fromParquet.alerts()).isEqualTo(fromCsv.alerts());
    }

    private static void duckDb(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** DuckDB's own writer (C++) with its own codecs, V2 pages included: the same text as parquet-java's. */
    @Test
    void duckDbWrittenLogicalTypesAndCodecsReadTheSame() throws Exception {
        String select = """
                SELECT * FROM (VALUES
                  (1, 'Zoë', true, DATE '2024-01-31', TIMESTAMP '2024-01-31 08:30:00.123456',
                   TIMESTAMPTZ '2024-01-31 08:30:00+00', CAST('2024-01-31 08:30:00.123' AS TIMESTAMP_MS),
                   CAST('2024-01-31 08:30:00.123456789' AS TIMESTAMP_NS), 12.5::DECIMAL(4,2), 3.1416::DECIMAL(18,4),
                   1234567.000001::DECIMAL(30,6), 0.5::FLOAT, 1.25::DOUBLE),
                  (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL))
                  AS t(id, name, member, born, seen, seen_tz, seen_ms, seen_ns, small, medium, large, ratio, score)
                """;
        String expected = """
                id,name,member,born,seen,seen_tz,seen_ms,seen_ns,small,medium,large,ratio,score
                1,Zoë,true,2024-01-31,2024-01-31 08:30:00.123456,2024-01-31 08:30:00,2024-01-31 08:30:00.123,2024-01-31 08:30:00.123456789,12.50,3.1416,1234567.000001,0.5,1.25
                2,,,,,,,,,,,,
                """;
        for (String codec : List.of("UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD", "LZ4_RAW")) {
            for (String version : List.of("V1", "V2")) {
                Path file = dir.resolve("duck-" + codec + "-" + version + ".parquet");
                duckDb("SET TimeZone='UTC'; COPY (" + select + ") TO '" + file + "' (FORMAT parquet, COMPRESSION "
                        + codec + ", PARQUET_VERSION " + version + ")");
                Path csv = dir.resolve("duck.csv");
                ParquetFiles.toCsv(file, file.getFileName().toString(), csv, 1 << 20);
                assertThat(Files.readString(csv)).as(codec + " " + version).isEqualTo(expected);
            }
        }
    }

    @Test
    void aCommittedFileWrittenByDuckDbReadsAsItsCommittedCsvTwin() throws Exception {
        Path parquet =
                Path.of(getClass().getResource("/formats/duckdb-orders.parquet").toURI());
        Path twin = Path.of(getClass().getResource("/formats/duckdb-orders.csv").toURI());
        Path csv = dir.resolve("orders.csv");

        ParquetFiles.toCsv(parquet, "duckdb-orders.parquet", csv, 1 << 20);
        CsvIngest.Result result = read(parquet);

        assertThat(Files.readString(csv)).isEqualTo(Files.readString(twin));
        assertSameTable(result.table(), read(twin).table());
        assertThat(result.table().column("shipped_at").type()).isEqualTo(ColumnType.LOCAL_DATE_TIME);
        assertThat(result.report().warnings()).anySatisfy(w -> assertThat(w).contains("'shipped_at' holds instants"));
    }

    @Test
    void aNestedFileWrittenByDuckDbIsRefusedNamingItsColumns() throws Exception {
        Path parquet =
                Path.of(getClass().getResource("/formats/duckdb-nested.parquet").toURI());

        assertThatThrownBy(() -> read(parquet))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(
                        "duckdb-nested.parquet: has nested columns, which Assay does not read: 'address' (a group of "
                                + "address.street, address.city); 'tags' (a list of tags.list.element)");
    }

    @Test
    void timesUuidsBlobsNullColumnsAndLegacyInt96TimestampsAreRead() throws Exception {
        Path file = dir.resolve("more.parquet");
        duckDb("COPY (SELECT * FROM (VALUES (TIME '08:30:00.123', UUID '123e4567-e89b-12d3-a456-426614174000', "
                + "'plain'::BLOB, NULL), (NULL, NULL, NULL, NULL)) AS t(at_time, id, raw, nothing)) TO '" + file
                + "' (FORMAT parquet)");
        Path csv = dir.resolve("more.csv");

        ParquetFiles.toCsv(file, "more.parquet", csv, 1 << 20);

        assertThat(Files.readString(csv)).isEqualTo("""
                at_time,id,raw,nothing
                08:30:00.123,123e4567-e89b-12d3-a456-426614174000,plain,
                ,,,
                """);

        // INT96: nanoseconds of the day, then the Julian day, little-endian (as Impala and old Spark wrote them).
        MessageType legacy = MessageTypeParser.parseMessageType("message m { optional int96 stamp; }");
        java.nio.ByteBuffer stamp = java.nio.ByteBuffer.allocate(12)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putLong(java.time.LocalTime.of(8, 30, 0, 500_000_000).toNanoOfDay())
                .putInt((int) (java.time.LocalDate.of(2024, 1, 31).toEpochDay() + 2_440_588));
        Path int96 = ParquetWriting.write(
                dir.resolve("int96.parquet"),
                legacy,
                List.of(new SimpleGroupFactory(legacy)
                        .newGroup()
                        .append("stamp", Binary.fromConstantByteArray(stamp.array()))),
                CompressionCodecName.SNAPPY,
                WriterVersion.PARQUET_1_0,
                10);

        ParquetFiles.toCsv(int96, "int96.parquet", csv, 1 << 20);

        assertThat(Files.readString(csv)).isEqualTo("stamp\n2024-01-31 08:30:00.5\n");
    }

    @Test
    void binaryThatIsNotTextIsRefusedNamingItsColumnAndRow() throws Exception {
        Path file = dir.resolve("blob.parquet");
        duckDb("COPY (SELECT * FROM (VALUES (1, 'ok'::BLOB), (2, '\\xFF\\xFE'::BLOB)) AS t(id, payload)) TO '" + file
                + "' (FORMAT parquet)");

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InputException.class)
                .hasMessage("blob.parquet: column "
                        + "'payload', row 2: the value is not UTF-8 text (the column holds binary data, which Assay does not "
                        + "profile)");
    }

    @Test
    void nestedColumnsAreRefusedByTheirPathsAndNothingIsWritten() throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType("""
                message nested {
                  required int32 id;
                  optional group address { optional binary street (STRING); optional binary city (STRING); }
                  optional group tags (LIST) { repeated group list { optional binary element (STRING); } }
                  optional group attributes (MAP) { repeated group key_value { required binary key (STRING);
                    optional int32 value; } }
                  repeated int32 scores;
                }
                """);
        Group row = new SimpleGroupFactory(schema).newGroup().append("id", 1).append("scores", 5);
        row.addGroup("address").append("street", "Rue du Port 3").append("city", "Besançon");
        row.addGroup("tags").addGroup("list").append("element", "new");
        row.addGroup("attributes").addGroup("key_value").append("key", "size").append("value", 3);
        Path file = ParquetWriting.write(
                dir.resolve("nested.parquet"),
                schema,
                List.of(row),
                CompressionCodecName.SNAPPY,
                WriterVersion.PARQUET_1_0,
                10);
        Path out = dir.resolve("out");

        assertThatThrownBy(() -> new Engine(EngineConfig.defaults())
                        .profile(file, out, ProgressListener.NONE, SourceOptions.none()))
                .isInstanceOf(InputException.class)
                .hasMessage("nested.parquet: has nested columns, "
                        + "which Assay does not read: 'address' (a group of address.street, address.city); 'tags' (a list of "
                        + "tags.list.element); 'attributes' (a map of attributes.key_value.key, attributes.key_value.value); "
                        + "'scores' (a repeated field). Assay reads flat tables: flatten these columns (or drop them) and export "
                        + "again; nothing was read");
        assertThat(Files.exists(out.resolve("profile.json"))).isFalse();
        assertThat(Files.exists(out.resolve("cleaned.csv"))).isFalse();
        // The check the upload runs on the file's end refuses it the same way, before anything is stored.
        assertThatThrownBy(() -> ParquetFiles.check(
                        (offset, length) -> slice(file, offset, length), Files.size(file), "nested.parquet"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("'address' (a group of");
    }

    private static byte[] slice(Path file, long offset, int length) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return java.util.Arrays.copyOfRange(all, (int) offset, (int) offset + length);
    }

    @Test
    void aCutParquetFileIsRefusedAsIncomplete() throws IOException {
        byte[] whole = Files.readAllBytes(typesFile(CompressionCodecName.ZSTD, WriterVersion.PARQUET_1_0));
        Path cut = Files.write(dir.resolve("cut.parquet"), java.util.Arrays.copyOf(whole, whole.length - 100));

        assertThatThrownBy(() -> read(cut))
                .isInstanceOf(InputException.class)
                .hasMessage("cut.parquet: starts like a "
                        + "Parquet file but does not end like one (no closing 'PAR1'): it is incomplete or damaged, perhaps cut "
                        + "short while it was copied");
        assertThatThrownBy(() ->
                        read(Files.write(dir.resolve("tiny.parquet"), "PAR1".getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("tiny.parquet: starts like a Parquet file but is " + "only 4 bytes long");
    }

    /** Every single damaged byte either still reads or is refused as a damaged file: never another failure. */
    @Test
    void damagedBytesAreRefusedAsADamagedFileNeverAsAnotherError() throws IOException {
        byte[] whole = Files.readAllBytes(typesFile(CompressionCodecName.SNAPPY, WriterVersion.PARQUET_2_0));
        EngineConfig small = new EngineConfig(1 << 20, 1000, 100_000, true, true, 20);
        Random random = new Random(3);
        int refused = 0;
        for (int i = 0; i < 300; i++) {
            byte[] damaged = whole.clone();
            int at = 4 + random.nextInt(whole.length - 12);
            damaged[at] = (byte) random.nextInt(256);
            Path file = Files.write(dir.resolve("damaged.parquet"), damaged);
            try {
                new CsvIngest(small)
                        .read(file, "damaged.parquet", ProgressListener.NONE, Optional.empty(), SourceOptions.none());
            } catch (InputException e) {
                assertThat(e.getMessage()).startsWith("damaged.parquet: ");
                refused++;
            }
        }
        assertThat(refused).as("damaged files refused").isPositive();
        assertThatThrownBy(() -> {
                    byte[] footerless = whole.clone();
                    int footer = java.nio.ByteBuffer.wrap(whole, whole.length - 8, 4)
                            .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                            .getInt();
                    java.util.Arrays.fill(footerless, whole.length - 8 - footer, whole.length - 8, (byte) 0x7F);
                    read(Files.write(dir.resolve("footer.parquet"), footerless));
                })
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("footer.parquet: is a damaged Parquet file: its " + "footer cannot be read");
    }

    @Test
    void aFileNamedParquetThatIsNotParquetIsRefusedForWhatItIs() throws IOException {
        assertThatThrownBy(() -> read(
                        Files.write(dir.resolve("sales.parquet"), "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("sales.parquet: is a PDF document, not a table");
        byte[] binary = {0x12, 0x00, 0x7F, 0x03, 0x00, 0x00, 0x41};
        assertThatThrownBy(() -> read(Files.write(dir.resolve("data.parquet"), binary)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("data.parquet: ");
    }

    @Test
    void aSheetOrAnEncodingForAParquetFileIsRefused() throws IOException {
        Path file = typesFile(CompressionCodecName.UNCOMPRESSED, WriterVersion.PARQUET_1_0);

        assertThatThrownBy(() -> read(file, new SourceOptions(Optional.of("Sales"), Optional.empty())))
                .hasMessageContaining("is a Parquet file, not a workbook");
        assertThatThrownBy(() -> read(file, new SourceOptions(Optional.empty(), Optional.of("windows-1252"))))
                .hasMessageContaining("is a Parquet file, whose text is always UTF-8");
    }

    @Test
    void aCodecAssayDoesNotReadIsRefusedNamingItAndTheColumn() throws Exception {
        Path file = dir.resolve("brotli.parquet");
        duckDb("COPY (SELECT 1 AS id, 'a' AS name) TO '" + file + "' (FORMAT parquet, COMPRESSION BROTLI)");

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InputException.class)
                .hasMessage("brotli.parquet: compresses "
                        + "column 'id' with BROTLI, which Assay does not read (it reads UNCOMPRESSED, SNAPPY, GZIP, ZSTD and "
                        + "LZ4_RAW); write the file with one of those");
    }

    @Test
    void thePageSizesAFileDeclaresAreNotTrusted() throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType("message m { required binary text (STRING); }");
        SimpleGroupFactory rows = new SimpleGroupFactory(schema);
        List<Group> all = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            all.add(rows.newGroup().append("text", "x".repeat(2000)));
        }
        // Plain 4 MB pages of one repeated letter: zstd shrinks each to a few hundred bytes.
        Path file = ParquetWriting.write(
                dir.resolve("bomb.parquet"),
                schema,
                all,
                CompressionCodecName.ZSTD,
                WriterVersion.PARQUET_1_0,
                3000,
                4 << 20,
                false);

        assertThatThrownBy(() -> new CsvIngest(new EngineConfig(100 << 20, 1000, 100_000, true, true, 20))
                        .read(file, "bomb.parquet", ProgressListener.NONE, Optional.empty(), SourceOptions.none()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("bomb.parquet: column 'text': a page of")
                .hasMessageContaining("more than 200 times its size or the file limit; refused as a compression bomb");
    }
}
