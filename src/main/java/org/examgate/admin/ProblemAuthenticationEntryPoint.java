package org.examgate.admin;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * 401 as problem+json, never hinting whether the username or the password was wrong, nor whether a
 * token is unknown, revoked or expired. Credentials that could not be checked at all (the database
 * did not answer) are a 503: staff retry, rather than doubt their password.
 */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);

    private final ProblemWriter writer;

    ProblemAuthenticationEntryPoint(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        if (authException instanceof InternalAuthenticationServiceException) {
            log.warn("Credentials could not be checked: {}", authException.getCause() == null
                    ? authException.getClass().getSimpleName() : authException.getCause().getClass().getSimpleName());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            writer.write(response, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                    "Credentials cannot be checked just now: the database does not answer. Try again shortly.");
            return;
        }
        if (ApiTokenAuthenticationFilter.presentsToken(request)) {
            // RFC 6750: a script learns that its token, not its request, is the problem.
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"examgate\", error=\"invalid_token\"");
            writer.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                    "The API token is not valid: unknown, revoked or expired.");
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"examgate\"");
        writer.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                "Give a staff account's credentials with HTTP Basic, or an API token with Authorization: Bearer.");
    }
}
