package org.examgate.admin;

import org.examgate.credential.Secrets;
import org.examgate.lockout.LockoutScope;
import org.examgate.lockout.Lockouts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * HTTP Basic for staff accounts behind the same progressive lockout as students, per username: while
 * a username must wait it is refused before any password hash is computed, so that guessing costs
 * the guesser time and examgate nothing. Unknown usernames are counted like known ones.
 */
class StaffPasswordAuthentication implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(StaffPasswordAuthentication.class);

    private final AuthenticationProvider passwords;
    private final Lockouts lockouts;

    StaffPasswordAuthentication(AuthenticationProvider passwords, Lockouts lockouts) {
        this.passwords = passwords;
        this.lockouts = lockouts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        try {
            if (lockouts.lockedUntil(LockoutScope.STAFF, username).isPresent()) {
                throw new LockedException("Too many failed logins for this username");
            }
            Authentication result;
            try {
                result = passwords.authenticate(authentication);
            } catch (BadCredentialsException e) {
                lockouts.recordFailure(LockoutScope.STAFF, username).ifPresent(until -> log.warn(
                        "Staff username {} locked until {} after repeated failed logins", Secrets.mask(username), until));
                throw e;
            }
            lockouts.recordSuccess(LockoutScope.STAFF, username);
            return result;
        } catch (DataAccessException | TransactionException e) {
            // As Spring Security's own providers do: the request is refused (503), not failed with a 500.
            throw new InternalAuthenticationServiceException("Lockouts cannot be read", e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
