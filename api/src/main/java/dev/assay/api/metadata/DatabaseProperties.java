package dev.assay.api.metadata;

import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the metadata (datasets, runs, owners, audit trail) lives.
 *
 * @param url         {@code jdbc:postgresql://host:port/db}; unset or blank: a PostgreSQL started by the api from
 *                    the binaries in its jar, its files under {@code <data-dir>/.postgres}
 * @param username    user of an external database
 * @param password    its password; never logged
 * @param embeddedDir where the embedded PostgreSQL keeps its files; unset: {@code <data-dir>/.postgres}
 * @param embeddedPort  the loopback port of the embedded PostgreSQL; 0: any free one
 * @param legacyOwner owner given to datasets and runs stored before the api had a database (see docs/metadata.md)
 * @param legacyTeam  team given to them
 */
@ConfigurationProperties("assay.database")
public record DatabaseProperties(
        String url,
        String username,
        String password,
        java.nio.file.Path embeddedDir,
        @DefaultValue("0") int embeddedPort,
        @DefaultValue("local") String legacyOwner,
        @DefaultValue("local") String legacyTeam) {

    public Optional<String> configuredUrl() {
        return Optional.ofNullable(url).filter(u -> !u.isBlank());
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "Database[url=" + url + ", username=" + username + "]";
    }
}
