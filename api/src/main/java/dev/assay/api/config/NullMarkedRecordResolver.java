package dev.assay.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Describes a {@link NullMarked} record as it is written: every component that is neither {@link Nullable} nor an
 * Optional is always on the wire (the api leaves out only null and empty values), so the document lists it as
 * required and the UI's generated types say it is there. springdoc marks nothing required by itself; records not
 * yet marked stay as they were.
 */
final class NullMarkedRecordResolver extends ModelResolver {

    private static final Set<Class<?>> OPTIONALS =
            Set.of(Optional.class, OptionalInt.class, OptionalLong.class, OptionalDouble.class);
    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    NullMarkedRecordResolver(ObjectMapper mapper) {
        super(mapper);
    }

    @Override
    @SuppressWarnings("rawtypes") // swagger's converter interface is declared with the raw Schema
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> next) {
        Schema resolved = super.resolve(type, context, next);
        Class<?> raw = _mapper.constructType(type.getType()).getRawClass();
        if (resolved == null || !raw.isRecord() || !raw.isAnnotationPresent(NullMarked.class)) {
            return resolved;
        }
        // A reference to the record (a nested property) carries no properties: the definition does.
        Schema model = resolved.get$ref() == null
                ? resolved
                : context.getDefinedModels()
                        .get(resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1));
        if (model == null || model.getProperties() == null) {
            return resolved;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            String name = wireName(component);
            if (!mayBeAbsent(component) && model.getProperties().containsKey(name)) {
                addRequiredItem(model, name);
            }
        }
        return resolved;
    }

    private static boolean mayBeAbsent(RecordComponent component) {
        return component.getAnnotatedType().isAnnotationPresent(Nullable.class)
                || OPTIONALS.contains(component.getType());
    }

    private static String wireName(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        return renamed != null && !renamed.value().isEmpty()
                ? renamed.value()
                : SNAKE_CASE.translate(component.getName());
    }
}
