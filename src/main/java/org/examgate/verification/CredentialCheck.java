package org.examgate.verification;

import java.util.List;
import java.util.Optional;

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
 * Step 3 of a verification: is this the student the typed credentials say? One password hash is
 * spent whether or not the student exists; access codes cost an HMAC. No transaction is open while
 * a password is hashed.
 */
@Component
class CredentialCheck {

    private static final Logger log = LoggerFactory.getLogger(CredentialCheck.class);

    private final StudentDirectory directory;
    private final PasswordHashing hashing;
    private final AccessCodes codes;

    CredentialCheck(StudentDirectory directory, PasswordHashing hashing, AccessCodes codes) {
        this.directory = directory;
        this.hashing = hashing;
        this.codes = codes;
    }

    /** The student the credentials prove, if they do. */
    Optional<RegisteredStudent> prove(FieldLayout.Credentials credentials) {
        ExamPolicy policy = credentials.policy();
        if (!policy.asks(FieldKind.IDENTIFIER)) {
            // The code alone names the student.
            return codes.studentFor(policy.examId(), credentials.code()).flatMap(directory::findById);
        }
        List<RegisteredStudent> candidates = tooLong(credentials)
                ? List.of()
                : directory.findByIdentifier(credentials.identifier(), policy.identifierKinds());
        if (policy.asks(FieldKind.PASSWORD)) {
            return candidates.isEmpty() ? spendOneHash(credentials) : byPassword(candidates, credentials);
        }
        return candidates.stream()
                .filter(student -> codes.matches(policy.examId(), student.id(), credentials.code()))
                .findFirst();
    }

    private Optional<RegisteredStudent> byPassword(List<RegisteredStudent> candidates,
            FieldLayout.Credentials credentials) {
        // Almost always one candidate; several only when one student's number is another's matric number.
        for (RegisteredStudent student : candidates) {
            PasswordHashing.Check check = hashing.check(credentials.password(), student.passwordHash());
            if (check.matched()) {
                check.upgradedHash().ifPresent(hash -> upgrade(student, hash));
                boolean codeOk = !credentials.policy().asks(FieldKind.ACCESS_CODE)
                        || codes.matches(credentials.policy().examId(), student.id(), credentials.code());
                return codeOk ? Optional.of(student) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Optional<RegisteredStudent> spendOneHash(FieldLayout.Credentials credentials) {
        hashing.spendOneHash(credentials.password().length() > FieldLayout.MAX_PASSWORD_LENGTH
                ? credentials.password().substring(0, FieldLayout.MAX_PASSWORD_LENGTH)
                : credentials.password());
        return Optional.empty();
    }

    private static boolean tooLong(FieldLayout.Credentials credentials) {
        return credentials.identifier().length() > FieldLayout.MAX_IDENTIFIER_LENGTH
                || (credentials.password() != null && credentials.password().length() > FieldLayout.MAX_PASSWORD_LENGTH);
    }

    /** A better hash is a bonus: failing to store it must not refuse a student who typed the right password. */
    private void upgrade(RegisteredStudent student, String hash) {
        try {
            directory.upgradePasswordHash(student.id(), student.passwordHash(), hash);
        } catch (DataAccessException | TransactionException e) {
            log.warn("Could not store the upgraded password hash of student {}: {}", student.id(),
                    e.getClass().getSimpleName());
        }
    }
}
