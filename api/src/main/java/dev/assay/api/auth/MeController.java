package dev.assay.api.auth;

import dev.assay.api.identity.Actor;
import dev.assay.api.identity.Actors;
import dev.assay.api.identity.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the UI shows as signed in, and whether it offers a sign-out. */
@RestController
@Tag(name = "auth", description = "The signed-in person")
public class MeController {

    /**
     * @param signOut whether there is a sign-out ({@code POST /logout}); false in the laptop mode
     */
    public record Me(String name, List<String> teams, boolean admin, boolean signOut) {}

    private final Actors actors;
    private final SignedIn signedIn;

    public MeController(Actors actors, SignedIn signedIn) {
        this.actors = actors;
        this.signedIn = signedIn;
    }

    @GetMapping("/api/v1/me")
    @Operation(
            summary = "The signed-in person: name, teams, admin role, and whether sign-out applies",
            description = "401 (problem+json) without a session or bearer token on a cluster.")
    public Me me() {
        Actor me = actors.current();
        return new Me(me.name(), me.teams(), me.admin(), signedIn.login());
    }
}
