package org.examgate.verification;

import java.util.List;
import java.util.Optional;

import org.examgate.credential.PasswordHashing;
import org.examgate.exam.AccessCodes;
import org.examgate.exam.ExamPolicy;
import org.examgate.exam.FieldKind;
import org.examgate.student.RegisteredStudent;
import org.examgate.student.StudentDirectory;
import org.examgate.verification.VerificationReads.Candidate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Step 3 of a verification: is this the student the typed credentials say? Split so that only the
 * password hash itself runs on the hash pool: the candidates are read before, and everything that
 * writes to the database comes after. One hash is spent whether or not the student exists.
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
    Optional<Candidate> proveWithoutPassword(List<Candidate> candidates, FieldLayout.Credentials credentials) {
        return candidates.stream().filter(candidate -> codeMatches(candidate, credentials)).findFirst();
    }

    /** Whether this identifier and password proved a student recently (to be confirmed by {@link #recheck}). */
    boolean mayBeRemembered(FieldLayout.Credentials credentials) {
        return credentials.hasIdentifier() && credentials.password() != null
                && verified.remembers(credentials.identifier(), credentials.password());
    }

    /** A candidate this credential recently proved, whose stored hash has not changed since. */
    Optional<Candidate> recheck(List<Candidate> candidates, FieldLayout.Credentials credentials) {
        return candidates.stream()
                .filter(candidate -> candidate.student().passwordHash() != null
                        && verified.proves(credentials.identifier(), credentials.password(),
                                candidate.student().id(), candidate.student().passwordHash()))
                .findFirst();
    }

    /** The CPU-only part, run on the hash pool: which candidate, if any, has this password. */
    Optional<PasswordMatch> hashPassword(List<Candidate> candidates, FieldLayout.Credentials credentials) {
        String password = credentials.password();
        // Values no student can have are simply wrong, for the price of a hash all the same.
        if (candidates.isEmpty() || password.length() > FieldLayout.MAX_PASSWORD_LENGTH) {
            hashing.spendOneHash(password.length() > FieldLayout.MAX_PASSWORD_LENGTH
                    ? password.substring(0, FieldLayout.MAX_PASSWORD_LENGTH) : password);
            return Optional.empty();
        }
        // Almost always one candidate; several only when one student's number is another's matric number.
        for (Candidate candidate : candidates) {
            PasswordHashing.Check check = hashing.check(password, candidate.student().passwordHash());
            if (check.matched()) {
                return Optional.of(new PasswordMatch(candidate, check));
            }
        }
        return Optional.empty();
    }

    /**
     * After the hash: stores an upgraded hash, remembers the credential, and checks the access code
     * when the exam asks for one too.
     */
    Optional<Candidate> complete(Optional<PasswordMatch> match, FieldLayout.Credentials credentials) {
        if (match.isEmpty()) {
            return Optional.empty();
        }
        Candidate candidate = match.get().candidate();
        RegisteredStudent student = candidate.student();
        String storedHash = match.get().check().upgradedHash().map(hash -> upgrade(student, hash))
                .orElse(student.passwordHash());
        verified.remember(credentials.identifier(), credentials.password(), student.id(), storedHash);
        return codeMatches(candidate, credentials) ? Optional.of(candidate) : Optional.empty();
    }

    boolean codeMatches(Candidate candidate, FieldLayout.Credentials credentials) {
        ExamPolicy policy = credentials.policy();
        return !policy.asks(FieldKind.ACCESS_CODE)
                || codes.matches(policy.examId(), candidate.codeHash(), credentials.code());
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

    record PasswordMatch(Candidate candidate, PasswordHashing.Check check) {
    }
}
