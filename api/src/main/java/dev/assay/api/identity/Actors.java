package dev.assay.api.identity;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The actor of the current thread: in a request, the signed-in person (on a cluster) or the local user (on a
 * laptop); outside any request, the api itself.
 */
@Component
public class Actors {

    private final SignedIn signedIn;

    public Actors(SignedIn signedIn) {
        this.signedIn = signedIn;
    }

    public Actor current() {
        if (RequestContextHolder.getRequestAttributes() == null) {
            return Actor.SYSTEM;
        }
        return signedIn.actor();
    }
}
