package dev.assay.model.protocol;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whose keys a task uses. On a cluster every artifact key and status key carries the Kubernetes namespace, so two
 * teams may use the same resource names without touching each other's files or status; on a laptop there is one
 * user and no namespace, and the layout stays as readable as {@code {job_id}/report.html}.
 *
 * <ul>
 *   <li>artifacts: {@code {namespace}/{key}} on a cluster, {@code {key}} locally;</li>
 *   <li>status: under {@code {prefix}ns:{namespace}:} on a cluster, {@code {prefix}} locally. One prefix per
 *       namespace is also what a Redis ACL user per namespace can be limited to ({@code ~assay:ns:team-b:*}).</li>
 * </ul>
 */
public record TaskScope(Optional<String> namespace) {

    /** A Kubernetes namespace name (a DNS-1123 label): safe as a key segment, never '.' or '..'. */
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public TaskScope {
        namespace.ifPresent(ns -> {
            if (!NAMESPACE.matcher(ns).matches()) {
                throw new IllegalArgumentException("not a Kubernetes namespace name: '" + ns + "'");
            }
        });
    }

    /** The laptop: one user, keys without a namespace. */
    public static TaskScope local() {
        return new TaskScope(Optional.empty());
    }

    public static TaskScope namespace(String namespace) {
        return new TaskScope(Optional.of(namespace));
    }

    /** A namespace when one is given (non-blank), else local. */
    public static TaskScope of(Optional<String> namespace) {
        return namespace
                .map(String::strip)
                .filter(ns -> !ns.isEmpty())
                .map(TaskScope::namespace)
                .orElseGet(TaskScope::local);
    }

    /** The key in the store of a key as the scope's users see it ({@code titanic/report.html}). */
    public String artifactKey(String key) {
        return namespace.map(ns -> ns + "/" + key).orElse(key);
    }

    /** What every key of this scope starts with in the store: {@code team-b/} or nothing. */
    public String artifactPrefix() {
        return namespace.map(ns -> ns + "/").orElse("");
    }

    /** The Redis key prefix of this scope, from the installation's prefix ({@code assay:}). */
    public String statusPrefix(String installationPrefix) {
        return namespace.map(ns -> installationPrefix + "ns:" + ns + ":").orElse(installationPrefix);
    }

    /**
     * The Redis ACL rules of a user that may touch only this scope's status keys ({@code ACL SETUSER name on >password
     * <rules>}): the key pattern of {@link #statusPrefix}, the data and transaction commands the status store uses,
     * nothing dangerous (no FLUSHALL, KEYS, CONFIG, ACL) and no Pub/Sub channels. Only for a namespace: a laptop has no
     * other tenant.
     */
    public String redisAclRules(String installationPrefix) {
        if (namespace.isEmpty()) {
            throw new IllegalStateException("a local scope has no per-namespace Redis user");
        }
        return "resetkeys ~" + statusPrefix(installationPrefix) + "* resetchannels -@all +@read +@write +@transaction "
                + "+@connection -@dangerous";
    }

    /** The status keys of this scope. */
    public StatusKeys statusKeys(String installationPrefix) {
        return new StatusKeys(statusPrefix(installationPrefix));
    }

    @Override
    public String toString() {
        return namespace.map(ns -> "namespace " + ns).orElse("local");
    }
}
