package org.examgate.verification;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.examgate.credential.Secrets;
import org.examgate.exam.ExamCatalog;
import org.examgate.exam.ExamPolicy;
import org.examgate.exam.Roster;
import org.examgate.lockout.LockoutScope;
import org.examgate.lockout.Lockouts;
import org.examgate.photo.PhotoLinks;
import org.examgate.student.RegisteredStudent;
import org.examgate.student.StudentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides whether the person at the welcome page is a student allowed to sit the exam.
 *
 * <p>The checks run in the contract's order, so that nothing about a student is revealed to someone
 * who does not hold the student's credentials: the exam's field layout, the identifier's lockout,
 * the credential, then the student's status, the exam's window and its roster.
 */
@Service
public class VerifyRespondent {

    private static final Logger log = LoggerFactory.getLogger(VerifyRespondent.class);
    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() {
    };

    private final ExamCatalog exams;
    private final Lockouts lockouts;
    private final CredentialCheck credentialCheck;
    private final Roster roster;
    private final VerificationAudit audit;
    private final PhotoLinks photoLinks;
    private final JsonMapper json;
    private final Clock clock;

    VerifyRespondent(ExamCatalog exams, Lockouts lockouts, CredentialCheck credentialCheck, Roster roster,
            VerificationAudit audit, PhotoLinks photoLinks, JsonMapper json, Clock clock) {
        this.exams = exams;
        this.lockouts = lockouts;
        this.credentialCheck = credentialCheck;
        this.roster = roster;
        this.audit = audit;
        this.photoLinks = photoLinks;
        this.json = json;
        this.clock = clock;
    }

    public VerificationResult verify(VerificationRequest request) {
        long started = System.nanoTime();
        Instant at = clock.instant();
        UUID verificationId = UUID.randomUUID();
        Decision decision;
        String photo;
        try {
            decision = decide(request, at);
            // Looked up here, so that a database failure on the way is answered like any other.
            photo = decision.outcome() == Outcome.VERIFIED ? photoOf(decision.student()) : null;
        } catch (DataAccessException | TransactionException e) {
            log.warn("Verification {} could not reach the database: {}", verificationId, e.getClass().getSimpleName());
            return VerificationResult.refused(verificationId, Outcome.UNAVAILABLE);
        }
        try {
            audit.record(verificationId, at, request.examId(), decision.studentId(),
                    Secrets.mask(decision.identifier()), decision.outcome(), request.language(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (DataAccessException | TransactionException e) {
            log.warn("Verification {} could not be recorded: {}", verificationId, e.getClass().getSimpleName());
            return VerificationResult.refused(verificationId, Outcome.UNAVAILABLE);
        }
        log.info("Verification {} for {} on exam {}: {}", verificationId, Secrets.mask(decision.identifier()),
                request.examId(), decision.outcome().code());
        if (decision.outcome() != Outcome.VERIFIED) {
            return new VerificationResult(verificationId, decision.outcome(), Optional.empty(), decision.retryAfter());
        }
        return new VerificationResult(verificationId, Outcome.VERIFIED,
                Optional.of(respondent(decision.student(), photo, verificationId)), Optional.empty());
    }

    private Decision decide(VerificationRequest request, Instant now) {
        Optional<ExamPolicy> found = exams.policyFor(request.examId());
        if (found.isEmpty()) {
            return Decision.of(Outcome.UNKNOWN_EXAM, null);
        }
        ExamPolicy policy = found.get();
        FieldLayout.Credentials credentials = FieldLayout.read(policy, request);
        String identifier = credentials.identifier();
        if (!credentials.complete()) {
            return Decision.of(Outcome.MISSING_CREDENTIALS, identifier);
        }
        // Exams that ask only for a code have no identifier to lock; a 60-bit code is not guessable.
        if (credentials.hasIdentifier()) {
            Optional<Instant> lockedUntil = lockouts.lockedUntil(LockoutScope.STUDENT, identifier);
            if (lockedUntil.isPresent()) {
                return new Decision(Outcome.LOCKED, identifier, null, lockedUntil);
            }
        }
        Optional<RegisteredStudent> proven = credentialCheck.prove(credentials);
        if (proven.isEmpty()) {
            if (credentials.hasIdentifier()) {
                lockouts.recordFailure(LockoutScope.STUDENT, identifier);
            }
            return Decision.of(Outcome.INVALID_CREDENTIALS, identifier);
        }
        RegisteredStudent student = proven.get();
        if (credentials.hasIdentifier()) {
            lockouts.recordSuccess(LockoutScope.STUDENT, identifier);
        }
        return new Decision(admission(policy, student, now), identifier, student, Optional.empty());
    }

    /** Steps 4 to 6, for a student who proved who they are. */
    private Outcome admission(ExamPolicy policy, RegisteredStudent student, Instant now) {
        if (student.status() != StudentStatus.ACTIVE) {
            return Outcome.ACCOUNT_INACTIVE;
        }
        if (policy.opensAt() != null && now.isBefore(policy.opensAt())) {
            return Outcome.EXAM_NOT_OPEN;
        }
        if (!policy.active() || (policy.closesAt() != null && !now.isBefore(policy.closesAt()))) {
            return Outcome.EXAM_CLOSED;
        }
        if (policy.rosterRequired() && !roster.isEnrolled(policy.examId(), student.id())) {
            return Outcome.NOT_ENROLLED;
        }
        return Outcome.VERIFIED;
    }

    /** A photo stored in examgate, as a signed link, wins over the student's external photo URL. */
    private String photoOf(RegisteredStudent student) {
        return photoLinks.linkFor(student.id()).orElse(student.photoUrl());
    }

    private VerificationResult.Respondent respondent(RegisteredStudent student, String photo, UUID verificationId) {
        Map<String, Object> data = new LinkedHashMap<>(json.readValue(student.attributesJson(), ATTRIBUTES));
        data.put("studentNumber", student.studentNumber());
        data.put("verificationId", verificationId.toString());
        return new VerificationResult.Respondent(student.fullName(), student.email(), photo,
                student.about(), data);
    }

    private record Decision(Outcome outcome, String identifier, RegisteredStudent student,
            Optional<Instant> retryAfter) {

        static Decision of(Outcome outcome, String identifier) {
            return new Decision(outcome, identifier, null, Optional.empty());
        }

        /** Recorded for every outcome after the credential, so staff can see whose attempt it was. */
        UUID studentId() {
            return student == null ? null : student.id();
        }
    }
}
