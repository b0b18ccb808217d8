package org.examgate.exam;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import org.examgate.credential.InstanceKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-exam access codes: 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L), so
 * 60 random bits, typed in groups of four. Only a keyed hash is stored; checking one costs an HMAC,
 * not a password hash, so codes verify on the fast path.
 */
@Service
public class AccessCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final InstanceKey key;
    private final Clock clock;

    AccessCodes(JdbcClient jdbc, InstanceKey key, Clock clock) {
        this.jdbc = jdbc;
        this.key = key;
        this.clock = clock;
    }

    /**
     * Whether the typed code is the one whose keyed hash is stored (read together with the student by
     * verification); compared in constant time.
     */
    public boolean matches(String examId, String storedHash, String typed) {
        return storedHash != null && !storedHash.isEmpty() && MessageDigest.isEqual(
                hash(examId, typed).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** What a typed code is stored as, to find the student of exams that ask no identifier. */
    public String keyedHash(String examId, String typed) {
        return hash(examId, typed);
    }

    /** Issues a new code for the student, revoking any earlier one; the code is returned once. */
    @Transactional
    String issue(String examId, UUID studentId) {
        String code = generate();
        jdbc.sql("""
                insert into access_code (exam_id, student_id, code_hash, created_at) values (?, ?, ?, ?)
                on conflict (exam_id, student_id) do update set code_hash = excluded.code_hash,
                                                                created_at = excluded.created_at
                """).params(examId, studentId, hash(examId, code), Timestamp.from(clock.instant())).update();
        return code;
    }

    static String generate() {
        StringBuilder code = new StringBuilder(LENGTH + 2);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** Students retype codes loosely: case, spaces and hyphens do not matter. */
    static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private String hash(String examId, String code) {
        return key.hmacHex("access-code", examId + "\u0000" + normalise(code));
    }
}
