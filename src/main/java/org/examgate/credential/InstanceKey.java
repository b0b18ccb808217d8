package org.examgate.credential;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The key behind examgate's keyed hashes (access codes, lockout subjects): from configuration
 * ({@code EXAMGATE_SECRET_KEY}) or, when none is configured, generated once and kept in the database
 * so that every instance and every restart uses the same one. A database dump alone then does not
 * let anyone test guesses against the stored hashes when the key is configured.
 */
@Component
public class InstanceKey {

    private static final Logger log = LoggerFactory.getLogger(InstanceKey.class);
    private static final String NAME = "secret-key";

    private final byte[] key;

    InstanceKey(@Value("${examgate.secret-key:}") String configured, JdbcClient jdbc, Clock clock) {
        this.key = StringUtils.hasText(configured)
                ? configured.getBytes(StandardCharsets.UTF_8)
                : Base64.getUrlDecoder().decode(storedOrGenerated(jdbc, clock));
    }

    private static String storedOrGenerated(JdbcClient jdbc, Clock clock) {
        // Concurrent first starts of several instances agree: only one insert wins.
        jdbc.sql("insert into instance_secret (name, value, created_at) values (?, ?, ?) on conflict (name) do nothing")
                .params(NAME, Secrets.random(32), java.sql.Timestamp.from(clock.instant()))
                .update();
        log.debug("Using the secret key kept in the database");
        return jdbc.sql("select value from instance_secret where name = ?").param(NAME).query(String.class).single();
    }

    /** HMAC-SHA256 of {@code value} under a key derived for {@code purpose}, as lower-case hex. */
    public String hmacHex(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }
}
