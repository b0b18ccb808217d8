package org.examgate.credential;

import java.util.Base64;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt over the Base64 of the password's SHA-256 digest, for passwords longer than the 72 bytes
 * bcrypt reads: every byte of the password counts, no NUL byte reaches bcrypt, and the cost is one
 * bcrypt, so a long password takes as long to check as any other.
 */
final class Sha256ThenBcrypt implements PasswordEncoder {

    private final BCryptPasswordEncoder bcrypt;

    Sha256ThenBcrypt(BCryptPasswordEncoder bcrypt) {
        this.bcrypt = bcrypt;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return bcrypt.encode(digest(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return bcrypt.matches(digest(rawPassword), encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return bcrypt.upgradeEncoding(encodedPassword);
    }

    private static String digest(CharSequence rawPassword) {
        return Base64.getEncoder().encodeToString(Secrets.sha256(rawPassword.toString()));
    }
}
