package org.examgate.verification;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.examgate.credential.Secrets;
import org.examgate.exam.ExamCatalog;
import org.examgate.exam.ExamPolicy;
import org.examgate.exam.FieldKind;
import org.examgate.lockout.LockoutScope;
import org.examgate.lockout.Lockouts;
import org.examgate.verification.VerificationReads.Candidate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;

/**
 * Decides whether the person at the welcome page is a student allowed to sit the exam.
 *
 * <p>The checks run in the contract's order, so that nothing about a student is revealed to someone
 * who does not hold the student's credentials: the exam's field layout, the identifier's lockout,
 * the credential, then the student's status, the exam's window and its roster. A password hash runs
 * on the {@link HashingPool} only if it can finish before the request's deadline; otherwise the
 * answer is {@code busy} at once. The calling thread never waits for a hash.
 */
@Service
public class VerifyRespondent {

    private static final Logger log = LoggerFactory.getLogger(VerifyRespondent.class);

    private final ExamCatalog exams;
    private final Lockouts lockouts;
    private final CredentialCheck credentials;
    private final HashingPool pool;
    private final VerificationReads reads;
    private final VerificationAudit audit;
    private final RespondentMetadata metadata;
    private final Executor completion;
    private final VerificationProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    VerifyRespondent(ExamCatalog exams, Lockouts lockouts, CredentialCheck credentials, HashingPool pool,
            VerificationReads reads, VerificationAudit audit, RespondentMetadata metadata,
            @Qualifier("verificationCompletion") Executor completion, VerificationProperties properties,
            MeterRegistry meters, Clock clock) {
        this.exams = exams;
        this.lockouts = lockouts;
        this.credentials = credentials;
        this.pool = pool;
        this.reads = reads;
        this.audit = audit;
        this.completion = completion;
        this.properties = properties;
        this.metadata = metadata;
        this.meters = meters;
        this.clock = clock;
    }

    public CompletableFuture<VerificationResult> verify(VerificationRequest request) {
        Attempt attempt = new Attempt(request, UUID.randomUUID(), clock.instant(), System.nanoTime(),
                MDC.getCopyOfContextMap());
        try {
            CompletableFuture<Decision> decided = decide(attempt);
            if (decided.isDone() && !decided.isCompletedExceptionally() && decided.join().outcome() == Outcome.BUSY) {
                return CompletableFuture.completedFuture(answerAtOnce(attempt, decided.join()));
            }
            return decided.thenCompose(decision -> record(attempt, decision))
                    .thenApplyAsync(decision -> withLogContext(attempt, () -> answer(attempt, decision)), completion)
                    .exceptionally(failure -> unavailable(attempt, failure));
        } catch (DataAccessException | TransactionException e) {
            return CompletableFuture.completedFuture(unavailable(attempt, e));
        }
    }

    private CompletableFuture<Decision> decide(Attempt attempt) {
        Optional<ExamPolicy> found = exams.policyFor(attempt.request().examId());
        if (found.isEmpty()) {
            return done(Decision.of(Outcome.UNKNOWN_EXAM, null));
        }
        FieldLayout.Credentials typed = FieldLayout.read(found.get(), attempt.request());
        String identifier = typed.identifier();
        if (!typed.complete()) {
            return done(Decision.of(Outcome.MISSING_CREDENTIALS, identifier));
        }
        // A place in the hash pool is taken before any database work, so that a request that could not
        // be hashed in time is answered busy at once. A credential remembered from an earlier success
        // needs no hash and therefore no place.
        Optional<HashingPool.Ticket> ticket = Optional.empty();
        if (typed.policy().asks(FieldKind.PASSWORD) && !credentials.mayBeRemembered(typed)) {
            ticket = pool.admit(attempt.at().plus(properties.deadline()));
            if (ticket.isEmpty()) {
                return done(Decision.of(Outcome.BUSY, identifier));
            }
        }
        try {
            if (!typed.hasIdentifier()) {
                // Exams that ask only for a code have no identifier to lock; a 60-bit code is not guessable.
                Optional<Candidate> proven = reads.byCode(typed.policy(), typed.code());
                return done(afterCredential(typed, Lockouts.Standing.NONE, proven, attempt.at()));
            }
            VerificationReads.Lookup lookup = reads.byIdentifier(typed.policy(), identifier);
            if (lookup.standing().lockedUntil().isPresent()) {
                ticket.ifPresent(HashingPool.Ticket::release);
                return done(new Decision(Outcome.LOCKED, identifier, null, lookup.standing().lockedUntil()));
            }
            if (!typed.policy().asks(FieldKind.PASSWORD)) {
                return done(afterCredential(typed, lookup.standing(),
                        credentials.proveWithoutPassword(lookup.candidates(), typed), attempt.at()));
            }
            return withPassword(attempt, typed, lookup, ticket);
        } catch (RuntimeException e) {
            ticket.ifPresent(HashingPool.Ticket::release);
            throw e;
        }
    }

    private CompletableFuture<Decision> withPassword(Attempt attempt, FieldLayout.Credentials typed,
            VerificationReads.Lookup lookup, Optional<HashingPool.Ticket> admitted) {
        Optional<Candidate> remembered = credentials.recheck(lookup.candidates(), typed);
        if (remembered.isPresent()) {
            admitted.ifPresent(HashingPool.Ticket::release);
            Optional<Candidate> proven = remembered.filter(candidate -> credentials.codeMatches(candidate, typed));
            return done(afterCredential(typed, lookup.standing(), proven, attempt.at()));
        }
        // Remembered once, but no longer valid (the password changed): it needs a hash after all.
        Optional<HashingPool.Ticket> ticket = admitted.isPresent() ? admitted
                : pool.admit(attempt.at().plus(properties.deadline()));
        if (ticket.isEmpty()) {
            return done(Decision.of(Outcome.BUSY, typed.identifier()));
        }
        CompletableFuture<Optional<Optional<CredentialCheck.PasswordMatch>>> hashed = ticket.get()
                .run(() -> Optional.of(credentials.hashPassword(lookup.candidates(), typed)), Optional::empty);
        // An empty outer Optional: the machine slowed down and the hash could no longer finish in time.
        return hashed.thenApplyAsync(result -> withLogContext(attempt, () -> result
                .map(match -> afterCredential(typed, lookup.standing(), credentials.complete(match, typed),
                        attempt.at()))
                .orElseGet(() -> Decision.of(Outcome.BUSY, typed.identifier()))), completion);
    }

    /** Steps 3 (its outcome) to 6, for a credential that has been checked. */
    private Decision afterCredential(FieldLayout.Credentials typed, Lockouts.Standing standing,
            Optional<Candidate> proven, Instant now) {
        String identifier = typed.identifier();
        if (proven.isEmpty()) {
            if (typed.hasIdentifier()) {
                lockouts.recordFailure(LockoutScope.STUDENT, identifier);
            }
            return Decision.of(Outcome.INVALID_CREDENTIALS, identifier);
        }
        if (standing.hasRecord()) {
            lockouts.recordSuccess(LockoutScope.STUDENT, identifier);
        }
        return new Decision(Admission.decide(typed.policy(), proven.get(), now), identifier, proven.get(),
                Optional.empty());
    }

    /**
     * {@code busy} gives nothing away, so it need not wait for its audit row: on exam day it is most of a
     * burst's answers, and answered on the request's own thread it frees its connection at once instead
     * of holding it (and its buffers) until the next group commit. The row is still written.
     */
    private VerificationResult answerAtOnce(Attempt attempt, Decision decision) {
        record(attempt, decision).exceptionally(failure -> {
            log.warn("Verification {} ({}) could not be recorded: {}", attempt.id(), decision.outcome().code(),
                    unwrap(failure).getClass().getSimpleName());
            return decision;
        });
        return answer(attempt, decision);
    }

    /** A verification that cannot be recorded is not given: the answer waits for its audit row. */
    private CompletableFuture<Decision> record(Attempt attempt, Decision decision) {
        long latency = (System.nanoTime() - attempt.startedNanos()) / 1_000_000;
        return audit.record(new VerificationAudit.AttemptRow(attempt.id(), attempt.at(), attempt.request().examId(),
                        decision.studentId(), Secrets.mask(decision.identifier()), decision.outcome(),
                        attempt.request().language(), latency))
                .thenApply(stored -> decision);
    }

    private VerificationResult answer(Attempt attempt, Decision decision) {
        count(attempt, decision.outcome());
        log.info("Verification {} for {} on exam {}: {}", attempt.id(), Secrets.mask(decision.identifier()),
                attempt.request().examId(), decision.outcome().code());
        if (decision.outcome() != Outcome.VERIFIED) {
            return new VerificationResult(attempt.id(), decision.outcome(), Optional.empty(), decision.retryAfter());
        }
        return new VerificationResult(attempt.id(), Outcome.VERIFIED,
                Optional.of(metadata.of(decision.candidate(), attempt.id())), Optional.empty());
    }

    private VerificationResult unavailable(Attempt attempt, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (!(cause instanceof DataAccessException || cause instanceof TransactionException)) {
            log.error("Verification {} failed unexpectedly", attempt.id(), cause);
        } else {
            log.warn("Verification {} could not reach the database: {}", attempt.id(), cause.getClass().getSimpleName());
        }
        count(attempt, Outcome.UNAVAILABLE);
        return VerificationResult.refused(attempt.id(), Outcome.UNAVAILABLE);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private void count(Attempt attempt, Outcome outcome) {
        Timer.builder("examgate.verifications")
                .description("Verifications by outcome, with their latency")
                .tag("outcome", outcome.code())
                .register(meters)
                .record(System.nanoTime() - attempt.startedNanos(), TimeUnit.NANOSECONDS);
    }

    /** The request's log context (its request id) on whichever thread goes on with its verification. */
    private static <T> T withLogContext(Attempt attempt, Supplier<T> work) {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        if (attempt.logContext() != null) {
            MDC.setContextMap(attempt.logContext());
        }
        try {
            return work.get();
        } finally {
            if (previous != null) {
                MDC.setContextMap(previous);
            } else {
                MDC.clear();
            }
        }
    }

    private static CompletableFuture<Decision> done(Decision decision) {
        return CompletableFuture.completedFuture(decision);
    }

    private record Attempt(VerificationRequest request, UUID id, Instant at, long startedNanos,
            Map<String, String> logContext) {
    }

    private record Decision(Outcome outcome, String identifier, Candidate candidate,
            Optional<Instant> retryAfter) {

        static Decision of(Outcome outcome, String identifier) {
            return new Decision(outcome, identifier, null, Optional.empty());
        }

        UUID studentId() {
            return candidate == null ? null : candidate.student().id();
        }
    }
}
