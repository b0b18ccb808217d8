package org.examgate.admin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param lastUsedFlush how often the times tokens were last used are written to the database; they
 *     are kept in memory in between so that a script's requests cost no write each
 */
@ConfigurationProperties("examgate.api-tokens")
record ApiTokenProperties(@DefaultValue("30s") Duration lastUsedFlush) {
}
