package dev.assay.runner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast path for plainly written decimals gives the very double Double.parseDouble gives, or steps aside. */
class PlainDecimalTest {

    @Test
    void everyPlainDecimalParsesToTheSameDoubleAsParseDouble() {
        SplittableRandom random = new SplittableRandom(7);
        for (int k = 0; k < 1_000_000; k++) {
            int digits = 1 + random.nextInt(15);
            StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? "-" : random.nextInt(8) == 0 ? "+" : "");
            int point = random.nextInt(digits + 1);
            for (int d = 0; d < digits; d++) {
                if (d == point && random.nextBoolean()) {
                    text.append('.');
                }
                text.append((char) ('0' + random.nextInt(10)));
            }
            String value = text.toString();
            assertThat(Double.doubleToRawLongBits(Values.parseDecimal(value)))
                    .as(value)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(value)));
        }
    }

    @Test
    void edgeCasesMatchToo() {
        for (String value : new String[] {
            "0",
            "-0",
            "-0.0",
            "+0.5",
            ".5",
            "5.",
            "0.1",
            "0.3",
            "123456789012345",
            "0.000000000000001",
            "999999999999999",
            "-12.345",
            "1.7976931348623157"
        }) {
            assertThat(Double.doubleToRawLongBits(Values.parseDecimal(value)))
                    .as(value)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(value)));
        }
    }

    @Test
    void anythingElseIsLeftToParseDouble() {
        for (String value : new String[] {"1e5", "1234567890123456", "1.2.3", "", "-", ".", "12a", "Infinity"}) {
            assertThat(Values.plainDecimal(value)).as(value).isNaN();
        }
        assertThat(Values.parseDecimal("1e5")).isEqualTo(100_000.0);
        assertThat(Values.parseDecimal("1234567890123456.5")).isEqualTo(Double.parseDouble("1234567890123456.5"));
    }
}
