package dev.assay.runner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextInternerTest {

    @Test
    void aRepeatedTextIsHandedBackAsTheStringFirstSeen() {
        TextInterner interner = new TextInterner(100);
        String first = new String("Zürich");
        String again = new String("Zürich");

        assertThat(interner.intern(first)).isSameAs(first);
        assertThat(interner.intern(again)).isSameAs(first);
        assertThat(interner.intern("Bern")).isEqualTo("Bern");
        assertThat(interner.size()).isEqualTo(2);
    }

    @Test
    void keepsEveryValueAcrossGrowingAndStopsRememberingAtItsLimit() {
        TextInterner interner = new TextInterner(5_000);
        String[] firsts = new String[10_000];
        for (int i = 0; i < firsts.length; i++) {
            firsts[i] = interner.intern(Integer.toString(i));
        }
        assertThat(interner.size()).isEqualTo(5_000);
        for (int i = 0; i < firsts.length; i++) {
            String cell = Integer.toString(i);
            if (i < 5_000) {
                assertThat(interner.intern(cell)).as("value %d", i).isSameAs(firsts[i]);
            } else {
                assertThat(interner.intern(cell)).as("value %d", i).isSameAs(cell);
            }
        }
    }
}
