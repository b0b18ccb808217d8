package org.examgate.admin;

import java.net.URI;
import java.security.Principal;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.examgate.api.ApiPaging;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/api-tokens")
@Tag(name = "API tokens", description = "Tokens for scripts, sent as Authorization: Bearer")
class ApiTokenController {

    private static final Sort STABLE_ORDER = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"));

    private final ApiTokenRepository repository;
    private final ApiTokens tokens;

    ApiTokenController(ApiTokenRepository repository, ApiTokens tokens) {
        this.repository = repository;
        this.tokens = tokens;
    }

    @GetMapping
    @Operation(summary = "List API tokens", description = "Newest first, revoked and expired ones included; "
            + "never the tokens themselves")
    PagedModel<ApiTokenResponse> list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(ApiPaging.MAX_SIZE) int size) {
        return new PagedModel<>(repository.findAll(ApiPaging.of(page, size, STABLE_ORDER)).map(tokens::response));
    }

    @PostMapping
    @Operation(summary = "Create an API token", description = "The answer carries the token; it is not shown again")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CreatedApiToken> create(@Valid @RequestBody NewApiToken request, Principal creator) {
        CreatedApiToken created = tokens.issue(request, creator.getName());
        return ResponseEntity.created(URI.create("/api/v1/api-tokens/" + created.id())).body(created);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke an API token", description = "It stops working at once; it stays listed as revoked")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        tokens.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
