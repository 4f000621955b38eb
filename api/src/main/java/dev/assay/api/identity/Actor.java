package dev.assay.api.identity;

import java.util.List;

/**
 * Who does something: a signed-in person, the laptop's one local user, or the api itself (scheduled work such as
 * retention). Datasets and runs belong to an actor and a team; an admin sees everything.
 *
 * @param name  the user name (a token's subject or configured name claim)
 * @param teams the teams (namespaces on a cluster) this actor belongs to; the first is where new datasets go
 * @param admin whether this actor sees and may act on every dataset
 */
public record Actor(String name, List<String> teams, boolean admin) {

    /** The laptop mode's only user: no login, everything is theirs. */
    public static final Actor LOCAL = new Actor("local", List.of("local"), true);
    /** The api's own work outside any request (retention, rebuilding the listing). */
    public static final Actor SYSTEM = new Actor("system", List.of("system"), true);

    public Actor {
        teams = List.copyOf(teams);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an actor needs a name");
        }
        if (teams.isEmpty()) {
            throw new IllegalArgumentException("an actor needs a team");
        }
    }

    /** The team new datasets and runs of this actor belong to. */
    public String team() {
        return teams.getFirst();
    }

    /** Whether this actor may see what {@code owner} of {@code team} owns. */
    public boolean sees(String owner, String team) {
        return admin || name.equals(owner) || teams.contains(team);
    }
}
