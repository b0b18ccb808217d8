package org.examgate.lockout;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.examgate.api.ApiPaging;
import org.examgate.api.ApiProblems;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/lockouts")
@Tag(name = "Lockouts", description = "Identifiers currently made to wait after repeated failures")
class LockoutController {

    private final JdbcClient jdbc;
    private final Lockouts lockouts;
    private final Clock clock;

    LockoutController(JdbcClient jdbc, Lockouts lockouts, Clock clock) {
        this.jdbc = jdbc;
        this.lockouts = lockouts;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Current lockouts", description = "Identifiers are shown masked; soonest to end first")
    PagedModel<LockoutView> current(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(ApiPaging.MAX_SIZE) int size) {
        Timestamp now = Timestamp.from(clock.instant());
        Pageable pageable = ApiPaging.of(page, size, Sort.by("lockedUntil", "id"));
        long total = jdbc.sql("select count(*) from lockout where locked_until > ?").param(now).query(Long.class).single();
        List<LockoutView> content = jdbc.sql("""
                select id, scope, subject_masked, failures, locks, last_failure_at, locked_until
                  from lockout where locked_until > :now
                 order by locked_until, id limit :limit offset :offset
                """)
                .param("now", now)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query((rs, row) -> new LockoutView(rs.getObject("id", UUID.class), LockoutScope.valueOf(rs.getString("scope")),
                        rs.getString("subject_masked"), rs.getInt("locks"),
                        rs.getTimestamp("last_failure_at").toInstant(), rs.getTimestamp("locked_until").toInstant()))
                .list();
        return new PagedModel<>(new PageImpl<>(content, pageable, total));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Clear one lockout at once")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> clear(@PathVariable UUID id) {
        if (!lockouts.clear(id)) {
            throw ApiProblems.notFound("lockout", id);
        }
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping
    @Operation(summary = "Clear lockouts",
            description = "With identifier, that identifier's in the given scope: for STUDENT (the default) a "
                    + "student number, matric number or e-mail as typed, for STAFF a staff username; "
                    + "without, every current lockout")
    Map<String, Integer> clearAll(@RequestParam(required = false) String identifier,
            @RequestParam(defaultValue = "STUDENT") LockoutScope scope) {
        if (identifier != null) {
            return Map.of("cleared", lockouts.clearIdentifier(scope, identifier) ? 1 : 0);
        }
        return Map.of("cleared", lockouts.clearAll());
    }

    /**
     * @param locks how many waits this identifier has had in a row; the next one is longer
     */
    record LockoutView(UUID id, LockoutScope scope, String identifier, int locks, Instant lastFailureAt,
            Instant lockedUntil) {
    }
}
