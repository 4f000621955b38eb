package dev.assay.model.protocol;

import java.util.List;
import java.util.Objects;

/**
 * The Redis keys of status records under one prefix (a {@link TaskScope}'s, e.g. {@code assay:ns:team-b:}):
 * <ul>
 *   <li>{@code task:{id}}: the task's status record (JSON);</li>
 *   <li>{@code task:{id}:events}: a stream of its changes;</li>
 *   <li>{@code job:{job_id}:runs}: the job's run ids, scored by creation time;</li>
 *   <li>{@code job:{job_id}:version}: a counter bumped by every change of the job or its runs;</li>
 *   <li>{@code jobs}: the profile task ids, scored by creation time;</li>
 *   <li>{@code leases}: a hash of task id to the lease of the process running it;</li>
 *   <li>{@code lock:{name}}: a named lock (periodic chores run by one replica at a time).</li>
 * </ul>
 */
public record StatusKeys(String prefix) {

    public StatusKeys {
        Objects.requireNonNull(prefix, "prefix");
    }

    public String task(String id) {
        return prefix + "task:" + id;
    }

    public String events(String id) {
        return prefix + "task:" + id + ":events";
    }

    public String runs(String jobId) {
        return prefix + "job:" + jobId + ":runs";
    }

    public String version(String jobId) {
        return prefix + "job:" + jobId + ":version";
    }

    public String jobs() {
        return prefix + "jobs";
    }

    public String leases() {
        return prefix + "leases";
    }

    public String lock(String name) {
        return prefix + "lock:" + name;
    }

    /** The keys that belong to one task alone, removed when its resource is deleted. */
    public List<String> ofTask(String id) {
        return List.of(task(id), events(id));
    }

    /** The keys of a dataset (a profile task) besides its own: its runs index and version counter. */
    public List<String> ofJob(String jobId) {
        return List.of(runs(jobId), version(jobId));
    }
}
