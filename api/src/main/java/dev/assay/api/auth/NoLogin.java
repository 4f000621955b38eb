package dev.assay.api.auth;

import dev.assay.api.identity.Actor;
import dev.assay.api.identity.SignedIn;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The laptop mode: nobody signs in; every request is the local user's (the api answers 127.0.0.1 only). */
@Component
@ConditionalOnProperty(name = "assay.auth.mode", havingValue = "none", matchIfMissing = true)
public class NoLogin implements SignedIn {

    @Override
    public Actor actor() {
        return Actor.LOCAL;
    }

    @Override
    public boolean login() {
        return false;
    }
}
