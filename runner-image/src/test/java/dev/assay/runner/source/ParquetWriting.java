package dev.assay.runner.source;

import com.github.luben.zstd.Zstd;
import io.airlift.compress.lz4.Lz4Compressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.GroupWriter;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.xerial.snappy.Snappy;

/**
 * Writes Parquet files in tests with parquet-java's own writer ({@code ParquetFileWriter}, column writers of
 * either page version, dictionary encoding as the library chooses), without Hadoop: the library's Hadoop-based
 * codec factory is replaced by compressors of the reference libraries (snappy-java and zstd-jni, which the reader
 * does not use, so a reader and a writer cannot share a mistake), java.util.zip, and aircompressor for LZ4_RAW.
 */
final class ParquetWriting {

    private ParquetWriting() {}

    /**
     * @param rowsPerGroup rows in each row group, so a test can make several
     */
    static Path write(
            Path file,
            MessageType schema,
            List<Group> rows,
            CompressionCodecName codec,
            ParquetProperties.WriterVersion version,
            int rowsPerGroup)
            throws IOException {
        return write(file, schema, rows, codec, version, rowsPerGroup, 4096, true);
    }

    /**
     * @param pageSize   small pages make several per row group
     * @param dictionary whether the library may dictionary-encode
     */
    static Path write(
            Path file,
            MessageType schema,
            List<Group> rows,
            CompressionCodecName codec,
            ParquetProperties.WriterVersion version,
            int rowsPerGroup,
            int pageSize,
            boolean dictionary)
            throws IOException {
        Files.deleteIfExists(file);
        ParquetProperties properties = ParquetProperties.builder()
                .withWriterVersion(version)
                .withPageSize(pageSize)
                .withDictionaryPageSize(4096)
                .withDictionaryEncoding(dictionary)
                .build();
        ParquetFileWriter writer =
                new ParquetFileWriter(new LocalOutputFile(file), schema, ParquetFileWriter.Mode.CREATE, 128 << 20, 0);
        writer.start();
        BytesInputCompressor compressor = compressor(codec);
        for (int from = 0; from < rows.size(); from += rowsPerGroup) {
            int to = Math.min(rows.size(), from + rowsPerGroup);
            ColumnChunkPageWriteStore pages =
                    new ColumnChunkPageWriteStore(compressor, schema, new HeapByteBufferAllocator(), 64);
            ColumnWriteStore columns = properties.newColumnWriteStore(schema, pages);
            RecordConsumer consumer = new ColumnIOFactory().getColumnIO(schema).getRecordWriter(columns);
            GroupWriter groups = new GroupWriter(consumer, schema);
            for (Group row : rows.subList(from, to)) {
                groups.write(row);
            }
            writer.startBlock(to - from);
            columns.flush();
            pages.flushToFileWriter(writer);
            writer.endBlock();
        }
        writer.end(new HashMap<>());
        return file;
    }

    static BytesInputCompressor compressor(CompressionCodecName codec) {
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                byte[] in = bytes.toByteArray();
                return BytesInput.from(
                        switch (codec) {
                            case UNCOMPRESSED -> in;
                            case SNAPPY -> Snappy.compress(in);
                            case ZSTD -> Zstd.compress(in, 3);
                            case GZIP -> {
                                ByteArrayOutputStream out = new ByteArrayOutputStream();
                                try (OutputStream gz = new GZIPOutputStream(out)) {
                                    gz.write(in);
                                }
                                yield out.toByteArray();
                            }
                            case LZ4_RAW -> {
                                Lz4Compressor lz4 = new Lz4Compressor();
                                byte[] out = new byte[lz4.maxCompressedLength(in.length)];
                                int n = lz4.compress(in, 0, in.length, out, 0, out.length);
                                yield java.util.Arrays.copyOf(out, n);
                            }
                            default -> throw new IllegalArgumentException("no test compressor for " + codec);
                        });
            }

            @Override
            public CompressionCodecName getCodecName() {
                return codec;
            }

            @Override
            public void release() {}
        };
    }
}
