package dev.assay.operator.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.zjsonpatch.JsonPatch;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the API server stores after the webhook's answer: the review arrives as the JSON the API server sends, and
 * the answer's JSON Patch is applied to the object with a real RFC 6902 implementation, as the API server would.
 */
class CreatorAnnotationsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final KubernetesSerialization json = new KubernetesSerialization();
    private final CreatorAnnotations webhook = new CreatorAnnotations(json);

    private static ObjectNode run(String annotations) throws Exception {
        return (ObjectNode)
                MAPPER.readTree("""
                {"apiVersion":"assay.dev/v1","kind":"AssistantRun",
                 "metadata":{"name":"r1","namespace":"team-a"%s},
                 "spec":{"datasetRef":"d1","prompt":"clean"}}""".formatted(annotations.isEmpty() ? "" : ",\"annotations\":" + annotations));
    }

    private AdmissionReview review(String operation, JsonNode object, JsonNode old) throws Exception {
        ObjectNode request = MAPPER.createObjectNode();
        request.put("uid", "0a1b2c");
        request.set("kind", MAPPER.readTree("{\"group\":\"assay.dev\",\"version\":\"v1\",\"kind\":\"AssistantRun\"}"));
        request.set(
                "resource",
                MAPPER.readTree("{\"group\":\"assay.dev\",\"version\":\"v1\",\"resource\":\"assistantruns\"}"));
        request.put("namespace", "team-a");
        request.put("operation", operation);
        request.set(
                "userInfo",
                MAPPER.readTree("{\"username\":\"alice\",\"groups\":[\"team-a\",\"system:authenticated\"]}"));
        request.set("object", object);
        if (old != null) {
            request.set("oldObject", old);
        }
        ObjectNode review = MAPPER.createObjectNode();
        review.put("apiVersion", "admission.k8s.io/v1");
        review.put("kind", "AdmissionReview");
        review.set("request", request);
        return json.unmarshal(MAPPER.writeValueAsString(review), AdmissionReview.class);
    }

    /** The object as stored: the answer's patch applied to what was sent. */
    private JsonNode stored(AdmissionReview answer, JsonNode object) throws Exception {
        assertThat(answer.getResponse().getAllowed()).isTrue();
        assertThat(answer.getResponse().getUid()).isEqualTo("0a1b2c");
        assertThat(answer.getApiVersion()).isEqualTo("admission.k8s.io/v1");
        assertThat(answer.getKind()).isEqualTo("AdmissionReview");
        if (answer.getResponse().getPatch() == null) {
            return object;
        }
        assertThat(answer.getResponse().getPatchType()).isEqualTo("JSONPatch");
        JsonNode patch = MAPPER.readTree(
                new String(Base64.getDecoder().decode(answer.getResponse().getPatch()), StandardCharsets.UTF_8));
        return JsonPatch.apply(patch, object);
    }

    private static String annotation(JsonNode object, String key) {
        return object.path("metadata").path("annotations").path(key).asText(null);
    }

    @Test
    void aNewRunRecordsTheRequestingUserAndGroups() throws Exception {
        ObjectNode object = run("");

        JsonNode stored = stored(webhook.answer(review("CREATE", object, null)), object);

        assertThat(annotation(stored, CreatorAnnotations.CREATED_BY)).isEqualTo("alice");
        assertThat(MAPPER.readValue(annotation(stored, CreatorAnnotations.CREATED_BY_GROUPS), List.class))
                .containsExactly("team-a", "system:authenticated");
        assertThat(stored.path("spec")).isEqualTo(object.path("spec"));
    }

    @Test
    void aForgedCreatorIsOverwrittenAndOtherAnnotationsStay() throws Exception {
        ObjectNode object =
                run("{\"assay.dev/created-by\":\"bob\",\"assay.dev/created-by-groups\":\"[\\\"admins\\\"]\","
                        + "\"team\":\"blue\"}");

        JsonNode stored = stored(webhook.answer(review("CREATE", object, null)), object);

        assertThat(annotation(stored, CreatorAnnotations.CREATED_BY)).isEqualTo("alice");
        assertThat(annotation(stored, CreatorAnnotations.CREATED_BY_GROUPS))
                .isEqualTo("[\"team-a\",\"system:authenticated\"]");
        assertThat(annotation(stored, "team")).isEqualTo("blue");
    }

    @Test
    void anEmptyAnnotationsObjectIsFilledNotReplaced() throws Exception {
        ObjectNode object = run("{}");

        JsonNode stored = stored(webhook.answer(review("CREATE", object, null)), object);

        assertThat(annotation(stored, CreatorAnnotations.CREATED_BY)).isEqualTo("alice");
    }

    @Test
    void anUpdateKeepsTheRecordedCreator() throws Exception {
        ObjectNode old = run("{\"assay.dev/created-by\":\"carol\",\"assay.dev/created-by-groups\":\"[]\"}");
        ObjectNode edited = run("{\"assay.dev/created-by\":\"alice\",\"note\":\"x\"}");

        JsonNode stored = stored(webhook.answer(review("UPDATE", edited, old)), edited);

        assertThat(annotation(stored, CreatorAnnotations.CREATED_BY))
                .as("alice updates, carol created it")
                .isEqualTo("carol");
        assertThat(annotation(stored, CreatorAnnotations.CREATED_BY_GROUPS)).isEqualTo("[]");
        assertThat(annotation(stored, "note")).isEqualTo("x");
    }

    @Test
    void anUpdateThatLeavesTheCreatorAloneNeedsNoPatch() throws Exception {
        ObjectNode old = run("{\"assay.dev/created-by\":\"carol\",\"assay.dev/created-by-groups\":\"[]\"}");
        ObjectNode edited = old.deepCopy();
        ((ObjectNode) edited.path("spec")).put("prompt", "other");

        AdmissionReview answer = webhook.answer(review("UPDATE", edited, old));

        assertThat(answer.getResponse().getPatch()).isNull();
        assertThat(answer.getResponse().getAllowed()).isTrue();
    }

    @Test
    void aCreatorCannotBeAddedByUpdateToARunMadeBeforeTheWebhook() throws Exception {
        ObjectNode old = run("{\"other\":\"1\"}");
        ObjectNode edited = run("{\"other\":\"1\",\"assay.dev/created-by\":\"mallory\"}");

        JsonNode stored = stored(webhook.answer(review("UPDATE", edited, old)), edited);

        assertThat(stored.path("metadata").path("annotations").has(CreatorAnnotations.CREATED_BY))
                .isFalse();
        assertThat(annotation(stored, "other")).isEqualTo("1");
    }
}
