package org.examgate.verification;

import java.util.List;
import java.util.Optional;

import org.examgate.api.SafeText;
import org.examgate.credential.PasswordHashing;
import org.examgate.exam.AccessCodes;
import org.examgate.exam.ExamPolicy;
import org.examgate.exam.FieldKind;
import org.examgate.student.RegisteredStudent;
import org.examgate.student.StudentDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Step 3 of a verification: is this the student the typed credentials say? Split so that only the
 * password hash itself runs on the hash pool: looking students up happens before, and everything
 * that touches the database after. One hash is spent whether or not the student exists.
 */
@Component
class CredentialCheck {

    private static final Logger log = LoggerFactory.getLogger(CredentialCheck.class);

    private final StudentDirectory directory;
    private final PasswordHashing hashing;
    private final AccessCodes codes;
    private final VerifiedCredentials verified;

    CredentialCheck(StudentDirectory directory, PasswordHashing hashing, AccessCodes codes,
            VerifiedCredentials verified) {
        this.directory = directory;
        this.hashing = hashing;
        this.codes = codes;
        this.verified = verified;
    }

    /** For exams that ask no password: the access code proves the student, for the cost of an HMAC. */
    Optional<RegisteredStudent> proveWithoutPassword(FieldLayout.Credentials credentials) {
        ExamPolicy policy = credentials.policy();
        if (!policy.asks(FieldKind.IDENTIFIER)) {
            return codes.studentFor(policy.examId(), credentials.code()).flatMap(directory::findById);
        }
        return candidates(credentials).stream()
                .filter(student -> codes.matches(policy.examId(), student.id(), credentials.code()))
                .findFirst();
    }

    /** The students the identifier may name, among the kinds the exam accepts. */
    List<RegisteredStudent> candidates(FieldLayout.Credentials credentials) {
        // Values no student can have never reach the database: they are simply wrong.
        if (!SafeText.isSafe(credentials.identifier())
                || credentials.identifier().length() > FieldLayout.MAX_IDENTIFIER_LENGTH
                || credentials.password() != null && credentials.password().length() > FieldLayout.MAX_PASSWORD_LENGTH) {
            return List.of();
        }
        return directory.findByIdentifier(credentials.identifier(), credentials.policy().identifierKinds());
    }

    /** Whether this identifier and password proved a student recently (to be confirmed by {@link #recheck}). */
    boolean mayBeRemembered(FieldLayout.Credentials credentials) {
        return credentials.hasIdentifier() && credentials.password() != null
                && verified.remembers(credentials.identifier(), credentials.password());
    }

    /** A candidate this credential recently proved, whose stored hash has not changed since. */
    Optional<RegisteredStudent> recheck(List<RegisteredStudent> candidates, FieldLayout.Credentials credentials) {
        return candidates.stream()
                .filter(student -> student.passwordHash() != null && verified.proves(credentials.identifier(),
                        credentials.password(), student.id(), student.passwordHash()))
                .findFirst();
    }

    /** The CPU-only part, run on the hash pool: which candidate, if any, has this password. */
    Optional<PasswordMatch> hashPassword(List<RegisteredStudent> candidates, FieldLayout.Credentials credentials) {
        String password = credentials.password();
        if (candidates.isEmpty()) {
            hashing.spendOneHash(password.length() > FieldLayout.MAX_PASSWORD_LENGTH
                    ? password.substring(0, FieldLayout.MAX_PASSWORD_LENGTH) : password);
            return Optional.empty();
        }
        // Almost always one candidate; several only when one student's number is another's matric number.
        for (RegisteredStudent student : candidates) {
            PasswordHashing.Check check = hashing.check(password, student.passwordHash());
            if (check.matched()) {
                return Optional.of(new PasswordMatch(student, check));
            }
        }
        return Optional.empty();
    }

    /**
     * After the hash: stores an upgraded hash, remembers the credential, and checks the access code
     * when the exam asks for one too.
     */
    Optional<RegisteredStudent> complete(Optional<PasswordMatch> match, FieldLayout.Credentials credentials) {
        if (match.isEmpty()) {
            return Optional.empty();
        }
        RegisteredStudent student = match.get().student();
        String storedHash = match.get().check().upgradedHash().map(hash -> upgrade(student, hash))
                .orElse(student.passwordHash());
        verified.remember(credentials.identifier(), credentials.password(), student.id(), storedHash);
        return codeMatches(student, credentials) ? Optional.of(student) : Optional.empty();
    }

    boolean codeMatches(RegisteredStudent student, FieldLayout.Credentials credentials) {
        ExamPolicy policy = credentials.policy();
        return !policy.asks(FieldKind.ACCESS_CODE) || codes.matches(policy.examId(), student.id(), credentials.code());
    }

    /** A better hash is a bonus: failing to store it must not refuse a student who typed the right password. */
    private String upgrade(RegisteredStudent student, String hash) {
        try {
            directory.upgradePasswordHash(student.id(), student.passwordHash(), hash);
            return hash;
        } catch (DataAccessException | TransactionException e) {
            log.warn("Could not store the upgraded password hash of student {}: {}", student.id(),
                    e.getClass().getSimpleName());
            return student.passwordHash();
        }
    }

    record PasswordMatch(RegisteredStudent student, PasswordHashing.Check check) {
    }
}
