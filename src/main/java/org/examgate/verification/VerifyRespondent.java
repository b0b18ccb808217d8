package org.examgate.verification;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.examgate.credential.PasswordHashing;
import org.examgate.credential.Secrets;
import org.examgate.student.RegisteredStudent;
import org.examgate.student.StudentDirectory;
import org.examgate.student.StudentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides whether the person at the welcome page is a student allowed to sit the exam.
 *
 * <p>The checks run in the contract's order so that nothing about a student is revealed to someone
 * who does not hold the student's credentials: the field layout, then the credential (one password
 * hash whether or not the student exists), then the student's status. No database connection is held
 * while the password is hashed.
 */
@Service
public class VerifyRespondent {

    private static final Logger log = LoggerFactory.getLogger(VerifyRespondent.class);
    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() {
    };

    private final StudentDirectory directory;
    private final PasswordHashing hashing;
    private final VerificationAudit audit;
    private final JsonMapper json;
    private final Clock clock;

    VerifyRespondent(StudentDirectory directory, PasswordHashing hashing, VerificationAudit audit, JsonMapper json,
            Clock clock) {
        this.directory = directory;
        this.hashing = hashing;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    public VerificationResult verify(VerificationRequest request) {
        long started = System.nanoTime();
        Instant at = clock.instant();
        UUID verificationId = UUID.randomUUID();
        FieldLayout.Credentials credentials = FieldLayout.DEFAULT.read(request);
        Decision decision;
        try {
            decision = decide(credentials);
        } catch (DataAccessException e) {
            log.warn("Verification {} could not reach the database: {}", verificationId, e.getClass().getSimpleName());
            return VerificationResult.refused(verificationId, Outcome.UNAVAILABLE);
        }
        String language = request.language() == null ? null : truncate(request.language(), 16);
        try {
            audit.record(verificationId, at, request.examId(), decision.studentId(),
                    Secrets.mask(credentials.identifier()), decision.outcome(), language,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (DataAccessException e) {
            log.warn("Verification {} could not be recorded: {}", verificationId, e.getClass().getSimpleName());
            return VerificationResult.refused(verificationId, Outcome.UNAVAILABLE);
        }
        log.info("Verification {} for {} on exam {}: {}", verificationId, Secrets.mask(credentials.identifier()),
                request.examId(), decision.outcome().code());
        if (decision.outcome() != Outcome.VERIFIED) {
            return VerificationResult.refused(verificationId, decision.outcome());
        }
        return new VerificationResult(verificationId, Outcome.VERIFIED,
                Optional.of(respondent(decision.student(), verificationId)));
    }

    private Decision decide(FieldLayout.Credentials credentials) {
        if (!credentials.complete()) {
            return Decision.refused(Outcome.MISSING_CREDENTIALS);
        }
        List<RegisteredStudent> candidates = directory.findByIdentifier(credentials.identifier());
        if (candidates.isEmpty()) {
            hashing.spendOneHash(credentials.password());
            return Decision.refused(Outcome.INVALID_CREDENTIALS);
        }
        // Almost always one candidate; several only when one student's number is another's matric number.
        for (RegisteredStudent student : candidates) {
            PasswordHashing.Check check = hashing.check(credentials.password(), student.passwordHash());
            if (check.matched()) {
                check.upgradedHash().ifPresent(hash -> upgrade(student, hash));
                return student.status() == StudentStatus.ACTIVE
                        ? new Decision(Outcome.VERIFIED, student)
                        : new Decision(Outcome.ACCOUNT_INACTIVE, student);
            }
        }
        return Decision.refused(Outcome.INVALID_CREDENTIALS);
    }

    /** A better hash is a bonus: failing to store it must not refuse a student who typed the right password. */
    private void upgrade(RegisteredStudent student, String hash) {
        try {
            directory.upgradePasswordHash(student.id(), student.passwordHash(), hash);
        } catch (DataAccessException e) {
            log.warn("Could not store the upgraded password hash of student {}: {}", student.id(),
                    e.getClass().getSimpleName());
        }
    }

    private VerificationResult.Respondent respondent(RegisteredStudent student, UUID verificationId) {
        Map<String, Object> data = new LinkedHashMap<>(json.readValue(student.attributesJson(), ATTRIBUTES));
        data.put("studentNumber", student.studentNumber());
        data.put("verificationId", verificationId.toString());
        return new VerificationResult.Respondent(student.fullName(), student.email(), student.photoUrl(),
                student.about(), data);
    }

    private static String truncate(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }

    private record Decision(Outcome outcome, RegisteredStudent student) {

        static Decision refused(Outcome outcome) {
            return new Decision(outcome, null);
        }

        UUID studentId() {
            return student == null ? null : student.id();
        }
    }
}
