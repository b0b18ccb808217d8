package org.examgate.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.examgate.api.ApiProblems;
import org.examgate.credential.PasswordHashing;
import org.examgate.credential.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Admins manage staff accounts. examgate always keeps at least one enabled admin: without one,
 * nobody could manage accounts, tokens or lockouts any more short of editing the database.
 */
@Service
class StaffAdministration {

    private static final Logger log = LoggerFactory.getLogger(StaffAdministration.class);
    private static final Map<String, String> FIELD_BY_CONSTRAINT = Map.of("staff_account_username_uq", "username");

    private final StaffAccountRepository accounts;
    private final PasswordHashing hashing;
    private final TransactionTemplate transactions;
    private final Clock clock;

    StaffAdministration(StaffAccountRepository accounts, PasswordHashing hashing, TransactionTemplate transactions,
            Clock clock) {
        this.accounts = accounts;
        this.hashing = hashing;
        this.transactions = transactions;
        this.clock = clock;
    }

    StaffAccount create(NewStaffAccount request) {
        // Hashed before the transaction, so that a slow hash never holds a database connection.
        String hash = hashing.hash(request.password());
        StaffAccount account = transactionally(() -> accounts.saveAndFlush(
                new StaffAccount(request.username(), hash, request.role(), now())));
        log.info("Staff account {} created with role {}", Secrets.mask(account.getUsername()), account.getRole());
        return account;
    }

    StaffAccount change(UUID id, StaffAccountChange change) {
        if (change.isEmpty()) {
            throw ApiProblems.badRequest("Give at least one of role, enabled or password.");
        }
        String hash = change.password() == null ? null : hashing.hash(change.password());
        StaffAccount changed = transactionally(() -> {
            StaffAccount account = find(id);
            boolean staysAdmin = (change.role() == null || change.role() == StaffRole.ADMIN)
                    && (change.enabled() == null || change.enabled());
            if (account.isEnabledAdmin() && !staysAdmin) {
                requireAnotherEnabledAdmin(account, "disable or demote");
            }
            if (change.role() != null) {
                account.changeRole(change.role(), now());
            }
            if (change.enabled() != null) {
                account.changeEnabled(change.enabled(), now());
            }
            if (hash != null) {
                account.changePasswordHash(hash, now());
            }
            accounts.flush();
            return account;
        });
        log.info("Staff account {} changed: {}", Secrets.mask(changed.getUsername()), change);
        return changed;
    }

    void delete(UUID id) {
        String username = transactionally(() -> {
            StaffAccount account = find(id);
            if (account.isEnabledAdmin()) {
                requireAnotherEnabledAdmin(account, "delete");
            }
            accounts.delete(account);
            return account.getUsername();
        });
        log.info("Staff account {} deleted", Secrets.mask(username));
    }

    StaffAccount find(UUID id) {
        return accounts.findById(id).orElseThrow(() -> ApiProblems.notFound("staff account", id));
    }

    private void requireAnotherEnabledAdmin(StaffAccount account, String action) {
        boolean another = accounts.lockEnabledAdmins().stream().anyMatch(admin -> !admin.getId().equals(account.getId()));
        if (!another) {
            throw ApiProblems.conflict("Cannot " + action + " the last enabled admin account: "
                    + "make another account an enabled ADMIN first.");
        }
    }

    /** PostgreSQL keeps microseconds: the answer to a write shows what a later read will show. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private <T> T transactionally(Supplier<T> work) {
        try {
            return transactions.execute(status -> work.get());
        } catch (DataIntegrityViolationException e) {
            throw ApiProblems.conflict(e, "staff account", FIELD_BY_CONSTRAINT);
        }
    }
}
