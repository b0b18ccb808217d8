package org.examgate.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.examgate.credential.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * The admin API's login audit trail (ASVS 16.3.1): who authenticated, or failed to, with HTTP Basic
 * or an API token. Usernames and token ids are masked; passwords and tokens are never logged.
 *
 * <p>Basic and Bearer authenticate every request, so a script would otherwise write a success line
 * per call: each principal's successes are logged at INFO at most once a minute, the rest at DEBUG.
 * Every failure is logged at WARN.
 */
@Component
class AuthenticationAudit {

    private static final Logger log = LoggerFactory.getLogger(AuthenticationAudit.class);
    private static final Duration QUIET_PERIOD = Duration.ofMinutes(1);
    /** Bounds the memory a stream of distinct principals can take; forgetting only costs an extra INFO line. */
    private static final int MAX_REMEMBERED = 10_000;

    private final Clock clock;
    private final Map<String, Instant> lastInfo = new ConcurrentHashMap<>();

    AuthenticationAudit(Clock clock) {
        this.clock = clock;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        String who = describe(event.getAuthentication());
        if (firstInQuietPeriod(event.getAuthentication().getName())) {
            log.info("Admin API authentication succeeded for {}", who);
        } else {
            log.debug("Admin API authentication succeeded for {}", who);
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        AuthenticationException exception = event.getException();
        if (event.getAuthentication() instanceof ApiTokenAuthentication) {
            // The token provider's messages name the token only masked (see ApiTokenAuthenticationProvider).
            log.warn("Admin API authentication failed with an API token: {}", exception.getMessage());
        } else {
            log.warn("Admin API authentication failed for {}: {}", describe(event.getAuthentication()),
                    reason(exception));
        }
    }

    private boolean firstInQuietPeriod(String principal) {
        Instant now = clock.instant();
        if (lastInfo.size() > MAX_REMEMBERED) {
            lastInfo.clear();
        }
        Instant[] logged = new Instant[1];
        lastInfo.compute(principal, (key, last) -> {
            boolean due = last == null || !now.isBefore(last.plus(QUIET_PERIOD));
            logged[0] = due ? now : null;
            return due ? now : last;
        });
        return logged[0] != null;
    }

    private static String describe(Authentication authentication) {
        if (authentication instanceof ApiTokenAuthentication token) {
            return token.tokenId() == null ? "an API token" : "API token " + Secrets.mask(token.tokenId().toString());
        }
        return "staff user " + Secrets.mask(authentication.getName());
    }

    /** A fixed reason per kind of failure: exception messages may quote what was typed. */
    private static String reason(AuthenticationException exception) {
        if (exception instanceof LockedException) {
            return "locked after repeated failures";
        }
        if (exception instanceof DisabledException) {
            return "account disabled";
        }
        if (exception instanceof CredentialsExpiredException) {
            return "credentials expired";
        }
        if (exception instanceof BadCredentialsException) {
            return "bad credentials";
        }
        return exception.getClass().getSimpleName();
    }
}
