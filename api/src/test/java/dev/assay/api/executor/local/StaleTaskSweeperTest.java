package dev.assay.api.executor.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskState;
import dev.assay.model.status.TaskStatus;
import dev.assay.runner.storage.InMemoryStatusStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaleTaskSweeperTest {

    static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    static final Duration STALE = Duration.ofSeconds(30);

    final InMemoryStatusStore store = new InMemoryStatusStore();

    StaleTaskSweeper sweeperAt(Instant now, Set<String> heldHere) {
        return new StaleTaskSweeper(
                store, "api@me/1", heldHere::contains, STALE, Duration.ofSeconds(5), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aTaskOfAnApiThatStoppedRenewingIsFailedWithWhatToDo() {
        store.put(TaskStatus.queued("r-1", TaskKind.RUN, "j-1", "impute", T0).progress(40, "training", T0));
        store.put(TaskStatus.queued("j-2", TaskKind.PROFILE, "j-2", "tips.csv", T0));
        store.lease("api@dead/9", List.of("r-1", "j-2"), T0);

        int failed = sweeperAt(T0.plus(STALE).plusSeconds(1), Set.of()).sweep();

        assertThat(failed).isEqualTo(2);
        TaskStatus run = store.get("r-1").orElseThrow();
        assertThat(run.status()).isEqualTo(TaskState.FAILED);
        assertThat(run.error().orElseThrow()).contains("stopped", "2026-12-06 10:00:00 UTC", "apply the plan again");
        assertThat(run.stage()).isEqualTo("training");
        assertThat(store.get("j-2").orElseThrow().error().orElseThrow()).contains("upload the file again");
        assertThat(store.leases()).isEmpty();
    }

    @Test
    void aTaskWhoseOwnerStillRenewsIsLeftAlone() {
        store.put(TaskStatus.queued("r-1", TaskKind.RUN, "j-1", "impute", T0).progress(40, "training", T0));
        store.lease("api@other/2", List.of("r-1"), T0);

        assertThat(sweeperAt(T0.plus(STALE), Set.of()).sweep()).isZero();

        assertThat(store.get("r-1").orElseThrow().status()).isEqualTo(TaskState.RUNNING);
        assertThat(store.leases()).hasSize(1);
    }

    @Test
    void thisApisOwnTasksAreLeftAloneWhileItHoldsThemAndFailedWhenItGaveUpRecordingThem() {
        store.put(TaskStatus.queued("r-1", TaskKind.RUN, "j-1", "impute", T0).progress(40, "training", T0));
        store.put(TaskStatus.queued("r-2", TaskKind.RUN, "j-1", "scale", T0).progress(90, "saving", T0));
        store.lease("api@me/1", List.of("r-1", "r-2"), T0);

        int failed = sweeperAt(T0.plusSeconds(600), Set.of("r-1")).sweep();

        assertThat(failed).isEqualTo(1);
        assertThat(store.get("r-1").orElseThrow().status()).isEqualTo(TaskState.RUNNING);
        assertThat(store.get("r-2").orElseThrow().error().orElseThrow()).contains("could not be recorded");
    }

    @Test
    void aFinishedTaskOnlyLosesItsLease() {
        TaskStatus done = TaskStatus.queued("j-1", TaskKind.PROFILE, "j-1", "tips.csv", T0)
                .failed("bad file", T0);
        store.put(done);
        store.lease("api@dead/9", List.of("j-1"), T0);

        assertThat(sweeperAt(T0.plusSeconds(600), Set.of()).sweep()).isZero();

        assertThat(store.get("j-1")).contains(done);
        assertThat(store.leases()).isEmpty();
    }
}
