package dev.assay.api.auth;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.assay.api.ControllerSlice;
import dev.assay.api.identity.Actor;
import dev.assay.api.identity.Actors;
import dev.assay.api.identity.SignedIn;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Who the UI shows as signed in, and whether it offers a sign-out. */
@ControllerSlice(MeController.class)
class MeControllerMvcTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Actors actors;

    @MockitoBean
    SignedIn signedIn;

    @Test
    void theSignedInPersonWithTheirTeamsAndWhetherThereIsASignOut() throws Exception {
        when(actors.current()).thenReturn(new Actor("olga", List.of("analysts", "ops"), false));
        when(signedIn.login()).thenReturn(true);

        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("olga"))
                .andExpect(jsonPath("$.teams[1]").value("ops"))
                .andExpect(jsonPath("$.admin").value(false))
                .andExpect(jsonPath("$.sign_out").value(true));
    }

    @Test
    void theLaptopsOneUserHasNoSignOut() throws Exception {
        when(actors.current()).thenReturn(Actor.LOCAL);
        when(signedIn.login()).thenReturn(false);

        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.admin").value(true))
                .andExpect(jsonPath("$.sign_out").value(false));
    }
}
