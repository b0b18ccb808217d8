package org.examgate.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.examgate.api.ApiProblems;
import org.examgate.credential.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, finds and revokes API tokens. A token is {@code egt_} and 32 random bytes in base64url. */
@Service
class ApiTokens {

    static final String PREFIX = "egt_";
    private static final Pattern FORMAT = Pattern.compile("egt_[A-Za-z0-9_-]{43}");
    private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);

    private final ApiTokenRepository tokens;
    private final ApiTokenUsage usage;
    private final Clock clock;

    ApiTokens(ApiTokenRepository tokens, ApiTokenUsage usage, Clock clock) {
        this.tokens = tokens;
        this.usage = usage;
        this.clock = clock;
    }

    CreatedApiToken issue(NewApiToken request, String createdBy) {
        String token = PREFIX + Secrets.random(32);
        ApiToken saved = tokens.save(new ApiToken(request.name().strip(), Secrets.sha256Hex(token), request.role(),
                clock.instant().truncatedTo(ChronoUnit.MICROS), createdBy, request.expiresAt()));
        log.info("API token {} created with role {}", Secrets.mask(saved.getId().toString()), saved.getRole());
        return new CreatedApiToken(saved.getId(), saved.getName(), saved.getRole(), saved.getCreatedAt(),
                saved.getExpiresAt(), token);
    }

    @Transactional
    void revoke(UUID id) {
        ApiToken token = tokens.findById(id).orElseThrow(() -> ApiProblems.notFound("API token", id));
        token.revoke(clock.instant().truncatedTo(ChronoUnit.MICROS));
        log.info("API token {} revoked", Secrets.mask(id.toString()));
    }

    /**
     * The stored token matching a presented one, revoked and expired ones included. It is found by its
     * digest, which tells an attacker nothing: the digest of a guess cannot be steered towards a stored
     * one. The digests are then compared in constant time all the same.
     */
    Optional<ApiToken> find(String presented) {
        if (presented == null || !FORMAT.matcher(presented).matches()) {
            return Optional.empty();
        }
        byte[] digest = Secrets.sha256(presented);
        return tokens.findByTokenHash(HexFormat.of().formatHex(digest))
                .filter(token -> Secrets.equal(digest, HexFormat.of().parseHex(token.getTokenHash())));
    }

    /** Shows the last use even before it is flushed to the database. */
    ApiTokenResponse response(ApiToken token) {
        Instant lastUsed = usage.pendingFor(token.getId())
                .filter(pending -> token.getLastUsedAt() == null || pending.isAfter(token.getLastUsedAt()))
                .orElse(token.getLastUsedAt());
        return new ApiTokenResponse(token.getId(), token.getName(), token.getRole(), token.getCreatedAt(),
                token.getCreatedBy(), token.getExpiresAt(), token.getRevokedAt(), lastUsed);
    }
}
