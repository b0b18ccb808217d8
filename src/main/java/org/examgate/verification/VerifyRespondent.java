package org.examgate.verification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
import org.examgate.student.RegisteredStudent;
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
    private final Admission admission;
    private final VerificationAudit audit;
    private final RespondentMetadata metadata;
    private final Executor completion;
    private final VerificationProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    VerifyRespondent(ExamCatalog exams, Lockouts lockouts, CredentialCheck credentials, HashingPool pool,
            Admission admission, VerificationAudit audit, RespondentMetadata metadata,
            @Qualifier("verificationCompletion") Executor completion, VerificationProperties properties,
            MeterRegistry meters, Clock clock) {
        this.exams = exams;
        this.lockouts = lockouts;
        this.credentials = credentials;
        this.pool = pool;
        this.admission = admission;
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
            return decide(attempt).thenApply(decision -> withLogContext(attempt, () -> finish(attempt, decision)))
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
            // Exams that ask only for a code have no identifier to lock; a 60-bit code is not guessable.
            Lockouts.Standing standing = typed.hasIdentifier()
                    ? lockouts.standing(LockoutScope.STUDENT, identifier)
                    : Lockouts.Standing.NONE;
            if (standing.lockedUntil().isPresent()) {
                ticket.ifPresent(HashingPool.Ticket::release);
                return done(new Decision(Outcome.LOCKED, identifier, null, standing.lockedUntil()));
            }
            if (!typed.policy().asks(FieldKind.PASSWORD)) {
                return done(afterCredential(typed, standing, credentials.proveWithoutPassword(typed), attempt.at()));
            }
            return withPassword(attempt, typed, standing, ticket);
        } catch (RuntimeException e) {
            ticket.ifPresent(HashingPool.Ticket::release);
            throw e;
        }
    }

    private CompletableFuture<Decision> withPassword(Attempt attempt, FieldLayout.Credentials typed,
            Lockouts.Standing standing, Optional<HashingPool.Ticket> admitted) {
        List<RegisteredStudent> candidates = credentials.candidates(typed);
        Optional<RegisteredStudent> remembered = credentials.recheck(candidates, typed);
        if (remembered.isPresent()) {
            admitted.ifPresent(HashingPool.Ticket::release);
            Optional<RegisteredStudent> proven = remembered.filter(student -> credentials.codeMatches(student, typed));
            return done(afterCredential(typed, standing, proven, attempt.at()));
        }
        // Remembered once, but no longer valid (the password changed): it needs a hash after all.
        Optional<HashingPool.Ticket> ticket = admitted.isPresent() ? admitted
                : pool.admit(attempt.at().plus(properties.deadline()));
        if (ticket.isEmpty()) {
            return done(Decision.of(Outcome.BUSY, typed.identifier()));
        }
        CompletableFuture<Optional<Optional<CredentialCheck.PasswordMatch>>> hashed = ticket.get()
                .run(() -> Optional.of(credentials.hashPassword(candidates, typed)), Optional::empty);
        // An empty outer Optional: the machine slowed down and the hash could no longer finish in time.
        return hashed.thenApplyAsync(result -> withLogContext(attempt, () -> result
                .map(match -> afterCredential(typed, standing, credentials.complete(match, typed), attempt.at()))
                .orElseGet(() -> Decision.of(Outcome.BUSY, typed.identifier()))), completion);
    }

    /** Steps 3 (its outcome) to 6, for a credential that has been checked. */
    private Decision afterCredential(FieldLayout.Credentials typed, Lockouts.Standing standing,
            Optional<RegisteredStudent> proven, Instant now) {
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
        return new Decision(admission.decide(typed.policy(), proven.get(), now), identifier, proven.get(),
                Optional.empty());
    }

    /** Records the verification and shapes the answer; a verification that cannot be recorded is not given. */
    private VerificationResult finish(Attempt attempt, Decision decision) {
        long latency = (System.nanoTime() - attempt.startedNanos()) / 1_000_000;
        audit.record(attempt.id(), attempt.at(), attempt.request().examId(), decision.studentId(),
                Secrets.mask(decision.identifier()), decision.outcome(), attempt.request().language(), latency);
        count(attempt, decision.outcome());
        log.info("Verification {} for {} on exam {}: {}", attempt.id(), Secrets.mask(decision.identifier()),
                attempt.request().examId(), decision.outcome().code());
        if (decision.outcome() != Outcome.VERIFIED) {
            return new VerificationResult(attempt.id(), decision.outcome(), Optional.empty(), decision.retryAfter());
        }
        return new VerificationResult(attempt.id(), Outcome.VERIFIED,
                Optional.of(metadata.of(decision.student(), attempt.id())), Optional.empty());
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

    private record Decision(Outcome outcome, String identifier, RegisteredStudent student,
            Optional<Instant> retryAfter) {

        static Decision of(Outcome outcome, String identifier) {
            return new Decision(outcome, identifier, null, Optional.empty());
        }

        UUID studentId() {
            return student == null ? null : student.id();
        }
    }
}
