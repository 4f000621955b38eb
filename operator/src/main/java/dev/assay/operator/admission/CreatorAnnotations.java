package dev.assay.operator.admission;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequest;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponseBuilder;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mutating admission webhook's decision: on CREATE of an AssistantRun or DatasetJob, records the Kubernetes
 * user who made the request (and their groups) in annotations, overwriting whatever the request carried, so a value
 * there was written by the API server's own account of the request and cannot be typed in by hand. On UPDATE the
 * two annotations are put back to what the stored object had, so they cannot be edited later either. Everything
 * else is allowed unchanged: this webhook only adds facts, it never refuses a request.
 */
public final class CreatorAnnotations {

    /** The Kubernetes user who created the resource (the admission request's {@code userInfo.username}). */
    public static final String CREATED_BY = "assay.dev/created-by";
    /** Their groups at that moment, as a JSON array of strings ({@code userInfo.groups}). */
    public static final String CREATED_BY_GROUPS = "assay.dev/created-by-groups";

    private static final String JSON_PATCH = "JSONPatch";

    private final KubernetesSerialization json;

    public CreatorAnnotations(KubernetesSerialization json) {
        this.json = json;
    }

    /** The review to send back for {@code review}: the same uid, allowed, with a JSON Patch when one is needed. */
    public AdmissionReview answer(AdmissionReview review) {
        AdmissionRequest request = review.getRequest();
        AdmissionResponseBuilder response =
                new AdmissionResponseBuilder().withUid(request.getUid()).withAllowed(true);
        List<Map<String, Object>> patch =
                switch (Optional.ofNullable(request.getOperation()).orElse("")) {
                    case "CREATE" -> patch(annotations(request.getObject()), creator(request.getUserInfo()));
                    case "UPDATE" ->
                        patch(
                                annotations(request.getObject()),
                                kept(annotations(request.getOldObject()).orElse(Map.of())));
                    default -> List.of();
                };
        if (!patch.isEmpty()) {
            response.withPatchType(JSON_PATCH)
                    .withPatch(Base64.getEncoder()
                            .encodeToString(json.asJson(patch).getBytes(StandardCharsets.UTF_8)));
        }
        AdmissionResponse answer = response.build();
        return new AdmissionReviewBuilder()
                .withApiVersion(review.getApiVersion())
                .withKind(review.getKind())
                .withResponse(answer)
                .build();
    }

    /** The two annotations as they must be: both set from the request's user (an unnamed user is recorded as ""). */
    private Map<String, Optional<String>> creator(UserInfo user) {
        Optional<UserInfo> info = Optional.ofNullable(user);
        List<String> groups = info.map(UserInfo::getGroups).map(List::copyOf).orElse(List.of());
        Map<String, Optional<String>> wanted = new LinkedHashMap<>();
        wanted.put(CREATED_BY, Optional.of(info.map(UserInfo::getUsername).orElse("")));
        wanted.put(CREATED_BY_GROUPS, Optional.of(json.asJson(groups)));
        return wanted;
    }

    /** The two annotations as the stored object had them (absent stays absent). */
    private static Map<String, Optional<String>> kept(Map<String, String> stored) {
        Map<String, Optional<String>> wanted = new LinkedHashMap<>();
        wanted.put(CREATED_BY, Optional.ofNullable(stored.get(CREATED_BY)));
        wanted.put(CREATED_BY_GROUPS, Optional.ofNullable(stored.get(CREATED_BY_GROUPS)));
        return wanted;
    }

    /**
     * JSON Patch operations that turn {@code present} into {@code wanted} for the two keys: nothing when they already
     * agree. A whole annotations object is added when the object has none, since a patch cannot add a member to a
     * missing parent.
     */
    private static List<Map<String, Object>> patch(
            Optional<Map<String, String>> present, Map<String, Optional<String>> wanted) {
        Map<String, String> current = present.orElse(Map.of());
        List<Map<String, Object>> operations = new ArrayList<>();
        if (present.isEmpty()) {
            Map<String, String> all = new LinkedHashMap<>();
            wanted.forEach((key, value) -> value.ifPresent(v -> all.put(key, v)));
            if (!all.isEmpty()) {
                operations.add(operation("add", "/metadata/annotations", Optional.of(all)));
            }
            return operations;
        }
        wanted.forEach((key, value) -> {
            String path = "/metadata/annotations/" + key.replace("~", "~0").replace("/", "~1");
            if (value.isPresent() && !value.get().equals(current.get(key))) {
                // "add" replaces a member that exists, so one operation covers a forged value and a missing one.
                operations.add(operation("add", path, Optional.of(value.get())));
            } else if (value.isEmpty() && current.containsKey(key)) {
                operations.add(operation("remove", path, Optional.empty()));
            }
        });
        return operations;
    }

    private static Map<String, Object> operation(String op, String path, Optional<Object> value) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("op", op);
        operation.put("path", path);
        value.ifPresent(v -> operation.put("value", v));
        return operation;
    }

    /**
     * The object's annotations; empty when it has no annotations object at all (not when it has an empty one). Read
     * from the JSON as sent: fabric8's ObjectMeta would turn a missing annotations object into an empty map.
     */
    private Optional<Map<String, String>> annotations(Object object) {
        return Optional.ofNullable(object)
                .map(o -> json.convertValue(o, JsonNode.class))
                .map(node -> node.path("metadata").get("annotations"))
                .filter(JsonNode::isObject)
                .map(node -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    node.properties()
                            .forEach(e -> values.put(e.getKey(), e.getValue().asText()));
                    return values;
                });
    }
}
