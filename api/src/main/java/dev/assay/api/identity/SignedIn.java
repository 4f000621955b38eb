package dev.assay.api.identity;

/** The person behind the current request: the local user in the laptop mode, the signed-in person on a cluster. */
public interface SignedIn {

    /** Never an admin by default: a request that reached the api without signing in sees nothing of anyone's. */
    Actor ANONYMOUS = new Actor("anonymous", java.util.List.of("none"), false);

    Actor actor();

    /** Whether this mode has sign-in (and so sign-out). */
    boolean login();
}
