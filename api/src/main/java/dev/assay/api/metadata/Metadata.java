package dev.assay.api.metadata;

import dev.assay.api.identity.Actor;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Datasets and runs as PostgreSQL keeps them: who owns each, in which team, where it came from and, for a run, the
 * plan and prompt it was started with. The artifact store keeps the files and the status store the live state;
 * this is what says whose they are.
 */
@Service
public class Metadata {

    /** How a dataset or run came to be known. */
    public enum Origin {
        /** Uploaded or applied through the api. */
        API,
        /** Found in the stores when the database was created (stored by a version without one). */
        LEGACY,
        /** Reserved for a custom resource created with kubectl (not attributed yet, docs/metadata.md). */
        KUBERNETES;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @param owner the user a dataset or run belongs to; @param team its team (namespace on a cluster) */
    public record Ownership(String owner, String team, Origin origin) {}

    private final JdbcClient jdbc;
    private final DatabaseProperties database;

    public Metadata(JdbcClient jdbc, DatabaseProperties database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /**
     * Records a dataset that is in the stores but not in the database (stored by an earlier version, or put there
     * by hand) as the legacy owner's, as the upgrade does; only an admin reaches such a dataset.
     */
    public void adoptIfUnknown(String id, String name, Instant at) {
        datasetCreated(id, name, database.legacyOwner(), database.legacyTeam(), Origin.LEGACY, at);
    }

    public void datasetCreated(String id, String name, String owner, String team, Origin origin, Instant at) {
        jdbc.sql("""
                insert into datasets (id, name, owner, team, origin, created_at) values (?, ?, ?, ?, ?, ?)
                on conflict (id) do nothing""")
                .params(id, name, owner, team, origin.column(), Timestamp.from(at))
                .update();
    }

    public void runCreated(
            String id,
            String datasetId,
            String name,
            String owner,
            String team,
            Origin origin,
            String planJson,
            Optional<String> prompt,
            Instant at) {
        jdbc.sql("""
                insert into runs (id, dataset_id, name, owner, team, origin, plan, prompt, created_at)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?) on conflict (id) do nothing""")
                .params(
                        id,
                        datasetId,
                        name,
                        owner,
                        team,
                        origin.column(),
                        planJson,
                        prompt.orElse(null),
                        Timestamp.from(at))
                .update();
    }

    public Optional<Ownership> dataset(String id) {
        return jdbc.sql("select owner, team, origin from datasets where id = ?")
                .param(id)
                .query((rs, n) -> new Ownership(
                        rs.getString(1),
                        rs.getString(2),
                        Origin.valueOf(rs.getString(3).toUpperCase(java.util.Locale.ROOT))))
                .optional();
    }

    public Optional<Ownership> run(String id) {
        return jdbc.sql("select owner, team, origin from runs where id = ?")
                .param(id)
                .query((rs, n) -> new Ownership(
                        rs.getString(1),
                        rs.getString(2),
                        Origin.valueOf(rs.getString(3).toUpperCase(java.util.Locale.ROOT))))
                .optional();
    }

    /** Whether {@code actor} may see the dataset: an admin sees every one, others only one the database knows. */
    public boolean visible(String datasetId, Actor actor) {
        if (actor.admin()) {
            return true;
        }
        return dataset(datasetId).map(o -> actor.sees(o.owner(), o.team())).orElse(false);
    }

    /** Ids of the datasets {@code actor} owns or shares a team with, newest first. */
    public List<String> visibleDatasets(Actor actor, int limit) {
        return jdbc.sql("""
                select id from datasets where owner = ? or team = any(?) order by created_at desc, id limit ?""")
                .params(actor.name(), actor.teams().toArray(String[]::new), limit)
                .query(String.class)
                .list();
    }

    public void datasetDeleted(String id) {
        jdbc.sql("delete from datasets where id = ?").param(id).update();
    }

    public void runDeleted(String id) {
        jdbc.sql("delete from runs where id = ?").param(id).update();
    }

    public boolean knows(String datasetId) {
        return jdbc.sql("select count(*) from datasets where id = ?")
                        .param(datasetId)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
