package dev.assay.api.auth;

import dev.assay.api.identity.Actor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The actor a token's (or an ID token's) claims describe, by the configured claim names. */
final class Claims {

    private Claims() {}

    static Actor actor(Map<String, Object> claims, AuthProperties auth) {
        String name = Optional.ofNullable(claims.get(auth.usernameClaim()))
                .map(Object::toString)
                .filter(n -> !n.isBlank())
                .or(() -> Optional.ofNullable(claims.get("sub")).map(Object::toString))
                .orElseThrow(() -> new IllegalArgumentException(
                        "the token names nobody (no " + auth.usernameClaim() + " and no sub)"));
        List<String> groups = groups(claims.get(auth.groupsClaim()));
        boolean admin = groups.contains(auth.adminGroup());
        List<String> teams =
                groups.stream().filter(g -> !g.equals(auth.adminGroup())).toList();
        // Someone in no team still has a team of their own, so what they upload is theirs alone.
        return new Actor(name, teams.isEmpty() ? List.of("user:" + name) : teams, admin);
    }

    private static List<String> groups(Object claim) {
        List<String> groups = new ArrayList<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(v -> groups.add(String.valueOf(v)));
        } else if (claim instanceof String value) {
            for (String part : value.split("[,\\s]+")) {
                if (!part.isBlank()) {
                    groups.add(part);
                }
            }
        }
        return groups;
    }
}
