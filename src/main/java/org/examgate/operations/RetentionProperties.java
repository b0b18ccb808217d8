package org.examgate.operations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long raw records are kept before the nightly purge removes them.
 *
 * @param maxAge received webhook events (raw payloads) and verification records older than this are
 *     deleted; respondent timelines are kept
 * @param cron when the purge runs (server time zone)
 */
@ConfigurationProperties("examgate.retention")
public record RetentionProperties(@DefaultValue("180d") Duration maxAge, @DefaultValue("0 17 3 * * *") String cron) {
}
