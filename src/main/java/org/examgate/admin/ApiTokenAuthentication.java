package org.examgate.admin;

import java.util.List;
import java.util.UUID;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A Bearer token on its way through authentication, then the token's identity and role. The token
 * itself is held only until authentication ends, and never named by {@link #getName()}.
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    static final String NAME_PREFIX = "api-token:";

    private final UUID tokenId;
    private String token;

    private ApiTokenAuthentication(String token) {
        super(List.of());
        this.tokenId = null;
        this.token = token;
    }

    private ApiTokenAuthentication(UUID tokenId, StaffRole role) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
        this.tokenId = tokenId;
        super.setAuthenticated(true);
    }

    static ApiTokenAuthentication presented(String token) {
        return new ApiTokenAuthentication(token);
    }

    static ApiTokenAuthentication authenticated(UUID tokenId, StaffRole role) {
        return new ApiTokenAuthentication(tokenId, role);
    }

    /** The token's id once authenticated, null before. */
    UUID tokenId() {
        return tokenId;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return getName();
    }

    @Override
    public String getName() {
        return tokenId == null ? "api-token" : NAME_PREFIX + tokenId;
    }

    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("Only the token provider authenticates a token");
        }
        super.setAuthenticated(false);
    }

    @Override
    public void eraseCredentials() {
        super.eraseCredentials();
        token = null;
    }
}
