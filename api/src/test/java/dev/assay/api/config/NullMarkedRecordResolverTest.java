package dev.assay.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class NullMarkedRecordResolverTest {

    @NullMarked
    record Marked(
            String jobId,
            int progress,
            @Nullable String error,
            Optional<String> note,
            OptionalInt rows,
            Inner inner,
            Unmarked plain) {}

    @NullMarked
    record Inner(String name, @Nullable String tool) {}

    record Unmarked(String anything) {}

    @SuppressWarnings("rawtypes") // swagger's reader answers with the raw Schema
    private static Map<String, Schema> schemas() {
        ModelConverters converters = new ModelConverters();
        converters.addConverter(new NullMarkedRecordResolver(
                Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)));
        return converters.readAll(Marked.class);
    }

    @Test
    void a_marked_record_requires_what_is_always_written_and_nothing_that_may_be_absent() {
        assertThat(schemas().get("Marked").getRequired())
                .containsExactlyInAnyOrder("job_id", "progress", "inner", "plain");
    }

    @Test
    void a_nested_marked_record_is_described_the_same_way() {
        assertThat(schemas().get("Inner").getRequired()).containsExactly("name");
    }

    @Test
    void a_record_not_marked_stays_as_springdoc_describes_it() {
        assertThat(schemas().get("Unmarked").getRequired()).isNullOrEmpty();
    }
}
