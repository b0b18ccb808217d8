package org.examgate.verification;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How verification uses the machine on exam day.
 *
 * @param deadline how long a verification may take before the student is better served by a quick
 *     {@code busy} answer; the platform gives up after 60 s, and 20 s leaves room for its own work,
 *     the network and a retry, while a student who waited that long is told to try again
 * @param hashThreads password hashes computed at once; 0 means one per available processor
 * @param completionThreads threads for the database work after a hash (audit, lockout, roster)
 * @param recheckTtl how long a verified credential is remembered, so that the same student with the
 *     same password is verified again without a password hash
 * @param recheckMaxEntries at most this many remembered credentials (a few hundred bytes each)
 */
@Validated
@ConfigurationProperties("examgate.verification")
public record VerificationProperties(
        @DefaultValue("20s") Duration deadline,
        @DefaultValue("0") @Min(0) int hashThreads,
        @DefaultValue("16") @Min(1) int completionThreads,
        @DefaultValue("6h") Duration recheckTtl,
        @DefaultValue("200000") @Min(0) long recheckMaxEntries) {

    int effectiveHashThreads() {
        return hashThreads > 0 ? hashThreads : Runtime.getRuntime().availableProcessors();
    }
}
