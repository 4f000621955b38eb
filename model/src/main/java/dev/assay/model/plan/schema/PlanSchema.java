package dev.assay.model.plan.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.assay.model.json.Json;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.params.ActionType;
import java.util.EnumMap;
import java.util.Map;

/**
 * Derives the plan's JSON Schema from the action records: the schema that constrains an LLM's answer, that
 * validates parameters before they are bound, and from which the UI's TypeScript types are generated.
 */
public final class PlanSchema {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<ActionType, ObjectNode> PARAMS = new EnumMap<>(ActionType.class);
    private static final Map<ActionType, JsonSchema> VALIDATORS = new EnumMap<>(ActionType.class);

    static {
        SchemaGenerator generator = new SchemaGenerator(configure());
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        for (ActionType type : ActionType.values()) {
            ObjectNode schema = generator.generateSchema(type.paramsType());
            schema.remove("$schema");
            schema.put("title", type.paramsType().getSimpleName());
            PARAMS.put(type, schema);
            VALIDATORS.put(type, factory.getSchema(schema));
        }
    }

    private PlanSchema() {}

    private static com.github.victools.jsonschema.generator.SchemaGeneratorConfig configure() {
        SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(
                        Json.mapper(), SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule())
                .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED))
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
                .with(Option.DEFINITIONS_FOR_MEMBER_SUPERTYPES)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        var snakeCase = (PropertyNamingStrategies.SnakeCaseStrategy) PropertyNamingStrategies.SNAKE_CASE;
        builder.forFields().withPropertyNameOverrideResolver(field -> snakeCase.translate(field.getName()));
        // Declaration order reads better than alphabetical, for people and for LLMs (target before options).
        builder.forTypesInGeneral().withPropertySorter((a, b) -> 0);
        builder.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> {
            Class<?> raw = type.getErasedType();
            if (!raw.isEnum()) {
                return null;
            }
            ObjectNode definition =
                    context.getGeneratorConfig().createObjectNode().put("type", "string");
            definition.set("enum", wireNames(raw));
            return new CustomDefinition(
                    definition, CustomDefinition.DefinitionType.INLINE, CustomDefinition.AttributeInclusion.YES);
        });
        return builder.build();
    }

    /** Enum values as JSON spells them: the {@code @JsonProperty} of each constant, as Jackson reads them. */
    private static ArrayNode wireNames(Class<?> enumType) {
        ArrayNode names = NODES.arrayNode();
        for (Object constant : enumType.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            try {
                JsonProperty property = enumType.getField(name).getAnnotation(JsonProperty.class);
                names.add(property == null ? name : property.value());
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
        }
        return names;
    }

    /** The JSON Schema of one action's params object. */
    public static ObjectNode params(ActionType type) {
        return PARAMS.get(type).deepCopy();
    }

    /** A compiled validator for one action's params. */
    public static JsonSchema validator(ActionType type) {
        return VALIDATORS.get(type);
    }

    /** The whole plan: explanation plus a list of steps, each one of the whitelisted actions. */
    public static ObjectNode plan() {
        ObjectNode root = NODES.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://assay.dev/schemas/plan.schema.json");
        root.put("title", "Plan");
        root.put("description", "A plan of whitelisted data actions. Nothing in it is ever run as code.");
        root.put("type", "object");
        ObjectNode properties = root.putObject("properties");
        properties
                .putObject("explanation")
                .put("type", "string")
                .put("maxLength", Plan.MAX_EXPLANATION)
                .put("description", "One or two sentences, in plain words, on what the plan does and why.");
        ObjectNode actions = properties
                .putObject("actions")
                .put("type", "array")
                .put("maxItems", Plan.MAX_ACTIONS)
                .put("description", "The actions, applied in this order.");
        actions.putObject("items").put("$ref", "#/$defs/PlanStep");
        root.putArray("required").add("explanation").add("actions");
        root.put("additionalProperties", false);

        ObjectNode defs = root.putObject("$defs");
        ArrayNode anyOf = defs.putObject("PlanStep").put("title", "PlanStep").putArray("anyOf");
        defs.putObject("ActionType")
                .put("title", "ActionType")
                .put("type", "string")
                .set("enum", actionTypeNames());
        for (ActionType type : ActionType.values()) {
            String stepName = type.paramsType().getSimpleName().replace("Params", "Step");
            ObjectNode step = defs.putObject(stepName);
            step.put("title", stepName).put("description", type.description()).put("type", "object");
            ObjectNode stepProperties = step.putObject("properties");
            stepProperties.putObject("type").put("const", type.wireName());
            stepProperties
                    .putObject("params")
                    .put("$ref", "#/$defs/" + type.paramsType().getSimpleName());
            step.putArray("required").add("type").add("params");
            step.put("additionalProperties", false);
            anyOf.addObject().put("$ref", "#/$defs/" + stepName);
            defs.set(type.paramsType().getSimpleName(), inlineDefinitions(params(type), defs));
        }
        return root;
    }

    private static ArrayNode actionTypeNames() {
        return wireNames(ActionType.class);
    }

    /** Moves a params schema's own $defs to the plan's, rewriting its references. */
    private static ObjectNode inlineDefinitions(ObjectNode schema, ObjectNode planDefs) {
        JsonNode own = schema.remove("$defs");
        if (own != null) {
            own.properties().forEach(e -> planDefs.set(e.getKey(), e.getValue()));
        }
        return schema;
    }
}
