package org.examgate.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded PostgreSQL keeps its files. Used only when no external database is configured.
 *
 * @param dir data directory; kept between runs so that the registry survives a restart
 * @param durableCommits whether a commit waits for its write-ahead log to reach the disk, so that an
 *     acknowledged notification survives a crash; only the test suite turns it off, for speed
 */
@ConfigurationProperties("examgate.embedded-db")
record EmbeddedDatabaseProperties(@DefaultValue("./data/postgres") Path dir,
        @DefaultValue("true") boolean durableCommits) {
}
