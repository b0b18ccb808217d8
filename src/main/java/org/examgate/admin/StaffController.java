package org.examgate.admin;

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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/staff")
@Tag(name = "Staff accounts", description = "Who may use the admin API with HTTP Basic: ADMIN or read-only VIEWER")
class StaffController {

    private static final Sort STABLE_ORDER = Sort.by("username", "id");

    private final StaffAccountRepository accounts;
    private final StaffAdministration administration;

    StaffController(StaffAccountRepository accounts, StaffAdministration administration) {
        this.accounts = accounts;
        this.administration = administration;
    }

    @GetMapping
    @Operation(summary = "List staff accounts", description = "Ordered by username")
    PagedModel<StaffAccountResponse> list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(ApiPaging.MAX_SIZE) int size) {
        return new PagedModel<>(accounts.findAll(ApiPaging.of(page, size, STABLE_ORDER)).map(StaffAccountResponse::of));
    }

    @PostMapping
    @Operation(summary = "Create a staff account", description = "409 if the username is taken, whatever its case")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<StaffAccountResponse> create(@Valid @RequestBody NewStaffAccount request) {
        StaffAccount account = administration.create(request);
        return ResponseEntity.created(URI.create("/api/v1/staff/" + account.getId()))
                .body(StaffAccountResponse.of(account));
    }

    @GetMapping("/{id}")
    StaffAccountResponse read(@PathVariable UUID id) {
        return StaffAccountResponse.of(administration.find(id));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a staff account's role, enabled flag or password",
            description = "Members left out stay as they are; 409 if this would leave no enabled ADMIN")
    StaffAccountResponse change(@PathVariable UUID id, @Valid @RequestBody StaffAccountChange change) {
        return StaffAccountResponse.of(administration.change(id, change));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a staff account", description = "409 for the last enabled ADMIN")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        administration.delete(id);
        return ResponseEntity.noContent().build();
    }
}
