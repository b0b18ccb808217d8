package org.examgate.lockout;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.examgate.credential.InstanceKey;
import org.examgate.credential.Secrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed attempts per identifier and imposes short, growing waits, in the database so that
 * every instance agrees. Unknown identifiers are counted exactly like known ones, so a wait says
 * nothing about whether a student exists. A failure during a wait is not counted and does not
 * extend it; a success forgets everything.
 */
@Service
public class Lockouts {

    private final JdbcClient jdbc;
    private final InstanceKey key;
    private final LockoutProperties properties;
    private final Clock clock;

    Lockouts(JdbcClient jdbc, InstanceKey key, LockoutProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.key = key;
        this.properties = properties;
        this.clock = clock;
    }

    /** Until when the identifier must wait, if it must. */
    public Optional<Instant> lockedUntil(LockoutScope scope, String identifier) {
        return standing(scope, identifier).lockedUntil();
    }

    /**
     * The identifier's standing in one read: whether it must wait, and whether it has failures a
     * success would have to forget (most identifiers have none, so a success then costs no write).
     */
    public Standing standing(LockoutScope scope, String identifier) {
        Instant now = clock.instant();
        return jdbc.sql("select locked_until from lockout where subject_hash = ?")
                .param(subject(scope, identifier))
                .query((rs, row) -> Standing.recorded(rs.getTimestamp(1), now))
                .optional()
                .orElse(Standing.NONE);
    }

    /** Counts a failure; returns until when the identifier must now wait, if this failure started a wait. */
    @Transactional
    public Optional<Instant> recordFailure(LockoutScope scope, String identifier) {
        Instant now = clock.instant();
        String subject = subject(scope, identifier);
        jdbc.sql("""
                insert into lockout (id, subject_hash, subject_masked, scope, failures, first_failure_at,
                                     last_failure_at, locks, locked_until)
                values (:id, :subject, :masked, :scope, 1, :now, :now, 0, null)
                on conflict (subject_hash) do update set
                    locks = case when lockout.locked_until > :now then lockout.locks
                                 when lockout.last_failure_at < :forgetBefore then 0
                                 else lockout.locks end,
                    failures = case when lockout.locked_until > :now then lockout.failures
                                    when lockout.first_failure_at < :windowStart then 1
                                    else lockout.failures + 1 end,
                    first_failure_at = case when lockout.locked_until > :now then lockout.first_failure_at
                                            when lockout.first_failure_at < :windowStart then :now
                                            else lockout.first_failure_at end,
                    last_failure_at = case when lockout.locked_until > :now then lockout.last_failure_at
                                           else :now end
                """)
                .param("id", UUID.randomUUID())
                .param("subject", subject)
                .param("masked", Secrets.mask(identifier))
                .param("scope", scope.name())
                .param("now", Timestamp.from(now))
                .param("windowStart", Timestamp.from(now.minus(properties.window())))
                .param("forgetBefore", Timestamp.from(now.minus(properties.forgetAfter())))
                .update();
        // Only the failure that reaches the threshold starts a wait; concurrent ones find failures reset.
        return jdbc.sql("""
                update lockout
                   set locked_until = cast(:now as timestamptz) + least(:firstSeconds * power(:growth, locks), :maxSeconds)
                                             * interval '1 second',
                       locks = locks + 1,
                       failures = 0,
                       first_failure_at = :now
                 where subject_hash = :subject and failures >= :threshold
                returning locked_until
                """)
                .param("now", Timestamp.from(now))
                .param("firstSeconds", (double) properties.firstWait().toSeconds())
                .param("growth", properties.growth())
                .param("maxSeconds", (double) properties.maxWait().toSeconds())
                .param("subject", subject)
                .param("threshold", properties.threshold())
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    /** A success forgets the identifier's failures and waits. */
    @Transactional
    public void recordSuccess(LockoutScope scope, String identifier) {
        jdbc.sql("delete from lockout where subject_hash = ?").param(subject(scope, identifier)).update();
    }

    /** Staff clear a wait at once, e.g. for a student locked out just before an exam. */
    @Transactional
    public boolean clear(UUID id) {
        return jdbc.sql("delete from lockout where id = ?").param(id).update() > 0;
    }

    @Transactional
    public boolean clearIdentifier(LockoutScope scope, String identifier) {
        return jdbc.sql("delete from lockout where subject_hash = ?").param(subject(scope, identifier)).update() > 0;
    }

    @Transactional
    public int clearAll() {
        return jdbc.sql("delete from lockout where locked_until > ?").param(Timestamp.from(clock.instant())).update();
    }

    /**
     * @param lockedUntil until when the identifier must wait, if it must
     * @param hasRecord whether failures are on record for it
     */
    public record Standing(Optional<Instant> lockedUntil, boolean hasRecord) {

        /** No failures on record. */
        public static final Standing NONE = new Standing(Optional.empty(), false);

        /** The standing of an identifier whose lockout row holds this {@code locked_until}. */
        public static Standing recorded(Timestamp lockedUntil, Instant now) {
            return new Standing(lockedUntil != null && lockedUntil.toInstant().isAfter(now)
                    ? Optional.of(lockedUntil.toInstant()) : Optional.empty(), true);
        }
    }

    /**
     * The key of the identifier's lockout row, for reads that fetch it together with other data. Identifiers
     * are compared the way a student might retype them: trimmed and case-folded.
     */
    public String subject(LockoutScope scope, String identifier) {
        String normalised = identifier == null ? "" : identifier.strip().toLowerCase(Locale.ROOT);
        return key.hmacHex("lockout", scope.name() + ":" + normalised);
    }
}
