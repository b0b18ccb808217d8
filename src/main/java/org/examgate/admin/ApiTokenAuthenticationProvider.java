package org.examgate.admin;

import java.time.Clock;
import java.time.Instant;

import org.examgate.credential.Secrets;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;

/**
 * Authenticates API tokens. Refusals use Spring Security's standard exceptions so that they are
 * published as the usual failure events; their messages name the token only masked.
 */
class ApiTokenAuthenticationProvider implements AuthenticationProvider {

    private final ApiTokens tokens;
    private final ApiTokenUsage usage;
    private final Clock clock;

    ApiTokenAuthenticationProvider(ApiTokens tokens, ApiTokenUsage usage, Clock clock) {
        this.tokens = tokens;
        this.usage = usage;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        ApiToken token;
        try {
            token = tokens.find((String) authentication.getCredentials())
                    .orElseThrow(() -> new BadCredentialsException("Unknown API token"));
        } catch (DataAccessException | TransactionException e) {
            // As Spring Security's own providers do: the request is refused (503), not failed with a 500.
            throw new InternalAuthenticationServiceException("API tokens cannot be read", e);
        }
        String masked = Secrets.mask(token.getId().toString());
        if (token.isRevoked()) {
            throw new DisabledException("API token " + masked + " is revoked");
        }
        Instant now = clock.instant();
        if (token.hasExpiredAt(now)) {
            throw new CredentialsExpiredException("API token " + masked + " has expired");
        }
        usage.record(token.getId(), now);
        return ApiTokenAuthentication.authenticated(token.getId(), token.getRole());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiTokenAuthentication.class.isAssignableFrom(authentication);
    }
}
