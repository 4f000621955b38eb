package dev.assay.runner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BlocksTest {

    /** Past the doubling blocks and a few full ones, for each element size: every row reads back, in order. */
    @Test
    void everyValueReadsBackAndDrainsInOrder() {
        int rows = 3_500_000;
        Blocks.Ints ints = new Blocks.Ints();
        Blocks.Longs longs = new Blocks.Longs();
        Blocks.Bytes bytes = new Blocks.Bytes();
        for (int row = 0; row < rows; row++) {
            ints.add(row * 7);
            longs.add(row * 31L - 5);
            bytes.add((byte) row);
        }
        assertThat(ints.size()).isEqualTo(rows);
        for (int row = 0; row < rows; row++) {
            assertThat(ints.get(row)).isEqualTo(row * 7);
            assertThat(longs.get(row)).isEqualTo(row * 31L - 5);
            assertThat(bytes.get(row)).isEqualTo((byte) row);
        }
        int[] next = new int[3];
        ints.drain((row, value) -> {
            assertThat(row).isEqualTo(next[0]++);
            assertThat(value).isEqualTo(row * 7);
        });
        longs.drain((row, value) -> {
            assertThat(row).isEqualTo(next[1]++);
            assertThat(value).isEqualTo(row * 31L - 5);
        });
        bytes.drain((row, value) -> {
            assertThat(row).isEqualTo(next[2]++);
            assertThat(value).isEqualTo((byte) row);
        });
        assertThat(next).containsExactly(rows, rows, rows);
        assertThat(ints.size()).isZero();
    }

    @Test
    void aFewValuesTakeOneSmallBlock() {
        Blocks.Longs longs = new Blocks.Longs();
        longs.add(1);
        longs.add(2);
        long[] sum = new long[1];
        longs.drain((row, value) -> sum[0] += value);
        assertThat(sum[0]).isEqualTo(3);
    }
}
