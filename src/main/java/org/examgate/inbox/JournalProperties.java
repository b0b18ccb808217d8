package org.examgate.inbox;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The local journal that keeps notifications while the database cannot be reached.
 *
 * @param dir where the journal's files live; on a local disk of this instance, kept between runs so
 *     that acknowledged notifications survive a restart
 * @param maxEntries at most this many notifications wait in the journal; beyond it the webhook
 *     answers 503, so that the platform knows to deliver again rather than fill the disk
 * @param replayInterval how often the journal tries to hand its notifications to the database
 */
@Validated
@ConfigurationProperties("examgate.journal")
record JournalProperties(
        @DefaultValue("./data/journal") Path dir,
        @DefaultValue("100000") @Min(1) int maxEntries,
        @DefaultValue("2s") Duration replayInterval) {
}
