package org.examgate.webhook;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.examgate.api.ApiPaging;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.CacheControl;
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
@RequestMapping("/api/v1/webhook-clients")
@Tag(name = "Webhook clients", description = "The client ids and secrets ExamJoint may call the webhook with")
class WebhookClientController {

    /** Secrets of one client id sit together, oldest first, so a rotation reads in order. */
    private static final Sort STABLE_ORDER = Sort.by("clientId", "createdAt", "id");

    private final WebhookClientAdministration administration;

    WebhookClientController(WebhookClientAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    @Operation(summary = "List webhook clients", description = "Active and revoked; secrets are never shown")
    PagedModel<WebhookClientResponse> list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(ApiPaging.MAX_SIZE) int size) {
        return new PagedModel<>(administration.list(ApiPaging.of(page, size, STABLE_ORDER))
                .map(WebhookClientResponse::of));
    }

    @PostMapping
    @Operation(summary = "Create a webhook client",
            description = "Answers with a new random secret, shown only this once. Giving an existing clientId adds "
                    + "a second secret for it: both work until the old one is revoked.")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CreatedWebhookClient> create(@Valid @RequestBody(required = false) WebhookClientRequest request) {
        CreatedWebhookClient created = administration.create(request == null ? WebhookClientRequest.EMPTY : request);
        return ResponseEntity.created(URI.create("/api/v1/webhook-clients/" + created.id()))
                .cacheControl(CacheControl.noStore())
                .body(created);
    }

    @GetMapping("/{id}")
    WebhookClientResponse read(@PathVariable UUID id) {
        return WebhookClientResponse.of(administration.find(id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a webhook client",
            description = "Its secret stops working at once on this instance and within seconds on the others")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        administration.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
