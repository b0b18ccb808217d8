package org.examgate.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded PostgreSQL keeps its files. Used only when no external database is configured.
 *
 * @param dir data directory; kept between runs so that the registry survives a restart
 */
@ConfigurationProperties("examgate.embedded-db")
record EmbeddedDatabaseProperties(@DefaultValue("./data/postgres") Path dir) {
}
