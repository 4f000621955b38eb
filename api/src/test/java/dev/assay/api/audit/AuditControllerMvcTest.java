package dev.assay.api.audit;

import static dev.assay.api.ProblemJson.detail;
import static dev.assay.api.ProblemJson.problem;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.assay.api.ControllerSlice;
import dev.assay.api.identity.Actor;
import dev.assay.api.identity.Actors;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The audit trail's filters on their own: a person reads only their own events; a filter that cannot be read is named. */
@ControllerSlice(AuditController.class)
class AuditControllerMvcTest {

    private static final Actor OLGA = new Actor("olga", List.of("analysts"), false);
    private static final Actor ADMIN = new Actor("ada", List.of("ops"), true);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Audit audit;

    @MockitoBean
    Actors actors;

    @Test
    void aPersonWithoutFiltersReadsTheirOwnEvents() throws Exception {
        when(actors.current()).thenReturn(OLGA);
        Audit.Query own = new Audit.Query(
                Optional.of("olga"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        when(audit.page(own, 0, 50)).thenReturn(new Audit.Page(List.of(), 0, 50, 0));

        mvc.perform(get("/api/v1/audit"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        verify(audit).page(own, 0, 50);
    }

    @Test
    void aPersonAskingForSomeoneElsesEventsIs403() throws Exception {
        when(actors.current()).thenReturn(OLGA);

        mvc.perform(get("/api/v1/audit").param("actor", "ada"))
                .andExpect(problem(403, "Not allowed"))
                .andExpect(detail("leave out 'actor'"));
        verifyNoInteractions(audit);
    }

    @Test
    void anAdminReadsAnyonesEventsInATimeWindow() throws Exception {
        when(actors.current()).thenReturn(ADMIN);
        Audit.Query olgas = new Audit.Query(
                Optional.of("olga"),
                Optional.of("upload"),
                Optional.of("denied"),
                Optional.empty(),
                Optional.of(Instant.parse("2026-12-01T00:00:00Z")),
                Optional.empty());
        when(audit.page(eq(olgas), anyInt(), anyInt())).thenReturn(new Audit.Page(List.of(), 0, 10, 0));

        mvc.perform(get("/api/v1/audit")
                        .param("actor", "olga")
                        .param("action", "upload")
                        .param("outcome", "denied")
                        .param("from", "2026-12-01T00:00:00Z")
                        .param("size", "10"))
                .andExpect(status().isOk());
        verify(audit).page(olgas, 0, 10);
    }

    @Test
    void aFilterThatCannotBeReadIs400NamingItAndWhatItMustBe() throws Exception {
        when(actors.current()).thenReturn(ADMIN);

        mvc.perform(get("/api/v1/audit").param("action", "hack"))
                .andExpect(problem(400, "Invalid filter"))
                .andExpect(detail("'action' is 'hack'; it must be one of sign_in"));
        mvc.perform(get("/api/v1/audit").param("outcome", "maybe"))
                .andExpect(problem(400, "Invalid filter"))
                .andExpect(detail("'outcome'"));
        mvc.perform(get("/api/v1/audit").param("to", "yesterday"))
                .andExpect(problem(400, "Invalid filter"))
                .andExpect(detail("'to' is 'yesterday'; it must be an ISO-8601 instant"));
        mvc.perform(get("/api/v1/audit/export").param("from", "2026-13-01")).andExpect(problem(400, "Invalid filter"));
        mvc.perform(get("/api/v1/audit").param("size", "0"))
                .andExpect(problem(400, "Invalid request"))
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        verifyNoInteractions(audit);
    }
}
