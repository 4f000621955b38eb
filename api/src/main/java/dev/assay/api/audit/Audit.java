package dev.assay.api.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.assay.api.identity.Actor;
import dev.assay.api.identity.Actors;
import dev.assay.api.identity.RequestIds;
import dev.assay.model.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Writes and reads the audit trail. Rows are only ever inserted: the table refuses UPDATE, DELETE and TRUNCATE
 * itself (a trigger, see V1__metadata_and_audit.sql), so no code path of the api can rewrite what happened.
 */
@Service
public class Audit {

    private static final Logger log = LoggerFactory.getLogger(Audit.class);
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final Actors actors;
    private final Clock clock;

    public Audit(JdbcClient jdbc, Actors actors, Clock clock) {
        this.jdbc = jdbc;
        this.actors = actors;
        this.clock = clock;
    }

    /** Records an event of the current actor and request. */
    public void record(
            AuditAction action,
            String outcome,
            Optional<String> datasetId,
            Optional<String> runId,
            Map<String, Object> details) {
        record(actors.current(), action, outcome, datasetId, runId, details);
    }

    public void success(
            AuditAction action, Optional<String> datasetId, Optional<String> runId, Map<String, Object> details) {
        record(action, "success", datasetId, runId, details);
    }

    public void record(
            Actor actor,
            AuditAction action,
            String outcome,
            Optional<String> datasetId,
            Optional<String> runId,
            Map<String, Object> details) {
        jdbc.sql("""
                insert into audit_events (at, actor, team, action, outcome, request_id, dataset_id, run_id, details)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(
                        Timestamp.from(clock.instant()),
                        actor.name(),
                        actor.team(),
                        action.wireName(),
                        outcome,
                        RequestIds.current(),
                        datasetId.orElse(null),
                        runId.orElse(null),
                        Json.write(details))
                .update();
    }

    /**
     * Runs {@code work} and records it: success with {@code details}, or failure with the HTTP status and title of
     * the refusal (a refused request is as much a fact as an accepted one).
     */
    public <T> T audited(
            AuditAction action, Optional<String> datasetId, Map<String, Object> details, AuditedWork<T> work)
            throws IOException {
        try {
            T result = work.run();
            success(action, datasetId, Optional.empty(), details);
            return result;
        } catch (IOException | RuntimeException e) {
            failure(action, datasetId, details, e);
            throw e;
        }
    }

    /** Records a refused or failed request with the HTTP status and title it was answered with; never throws. */
    public void failure(AuditAction action, Optional<String> datasetId, Map<String, Object> details, Exception e) {
        Map<String, Object> failed = new LinkedHashMap<>(details);
        if (e instanceof org.springframework.web.ErrorResponse refusal) {
            failed.put("status", refusal.getStatusCode().value());
            Optional.ofNullable(refusal.getBody().getTitle()).ifPresent(t -> failed.put("refused", t));
        } else {
            failed.put("status", e instanceof IOException || e instanceof UncheckedIOException ? 503 : 500);
        }
        try {
            record(action, "failure", datasetId, Optional.empty(), failed);
        } catch (RuntimeException auditFailed) {
            log.warn("audit event of a failed {} not recorded: {}", action.wireName(), auditFailed.toString());
        }
    }

    @FunctionalInterface
    public interface AuditedWork<T> {
        T run() throws IOException;
    }

    /**
     * @param actor   only this actor's events; empty: everyone's (admins)
     * @param from    at or after; @param to before
     */
    public record Query(
            Optional<String> actor,
            Optional<String> action,
            Optional<String> outcome,
            Optional<String> datasetId,
            Optional<Instant> from,
            Optional<Instant> to) {}

    public record Page(List<AuditEvent> events, int page, int size, long total) {}

    public Page page(Query query, int page, int size) {
        Where where = where(query);
        long total = jdbc.sql("select count(*) from audit_events" + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
        List<Object> params = new ArrayList<>(where.params());
        params.add(size);
        params.add((long) page * size);
        List<AuditEvent> events = jdbc.sql(
                        "select * from audit_events" + where.sql() + " order by at desc, id desc limit ? offset ?")
                .params(params)
                .query((rs, n) -> event(rs))
                .list();
        return new Page(events, page, size, total);
    }

    /** Every matching event, oldest first, one at a time (an export may be large). */
    public void each(Query query, Consumer<AuditEvent> sink) {
        Where where = where(query);
        try (var stream = jdbc
                .sql("select * from audit_events" + where.sql() + " order by at, id")
                .params(where.params())
                .withFetchSize(500)
                .query((rs, n) -> event(rs))
                .stream()) {
            stream.forEach(sink);
        }
    }

    private record Where(String sql, List<Object> params) {}

    private static Where where(Query query) {
        List<String> clauses = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        query.actor().ifPresent(a -> add(clauses, params, "actor = ?", a));
        query.action().ifPresent(a -> add(clauses, params, "action = ?", a));
        query.outcome().ifPresent(o -> add(clauses, params, "outcome = ?", o));
        query.datasetId().ifPresent(d -> add(clauses, params, "dataset_id = ?", d));
        query.from().ifPresent(f -> add(clauses, params, "at >= ?", Timestamp.from(f)));
        query.to().ifPresent(t -> add(clauses, params, "at < ?", Timestamp.from(t)));
        return new Where(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), params);
    }

    private static void add(List<String> clauses, List<Object> params, String clause, Object value) {
        clauses.add(clause);
        params.add(value);
    }

    private static AuditEvent event(ResultSet rs) throws SQLException {
        Map<String, Object> details;
        try {
            details = Json.mapper().readValue(rs.getString("details"), DETAILS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AuditEvent(
                rs.getLong("id"),
                rs.getTimestamp("at").toInstant(),
                rs.getString("actor"),
                rs.getString("team"),
                rs.getString("action"),
                rs.getString("outcome"),
                rs.getString("request_id"),
                rs.getString("dataset_id"),
                rs.getString("run_id"),
                details);
    }
}
