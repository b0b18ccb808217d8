package org.examgate.admin;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.examgate.credential.PasswordHashing;
import org.examgate.credential.Secrets;
import org.examgate.operations.CredentialNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The first admin account: taken from configuration if absent, or, with none configured and none
 * stored, generated and shown once so that a new user can reach the admin API at once.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final StaffAccountRepository accounts;
    private final PasswordHashing hashing;
    private final AdminProperties properties;
    private final CredentialNotice notice;
    private final Clock clock;

    AdminBootstrap(StaffAccountRepository accounts, PasswordHashing hashing, AdminProperties properties,
            CredentialNotice notice, Clock clock) {
        this.accounts = accounts;
        this.hashing = hashing;
        this.properties = properties;
        this.notice = notice;
        this.clock = clock;
    }

    /** Runs before the web server starts, so no request ever arrives before the credentials exist. */
    @Override
    public void afterSingletonsInstantiated() {
        if (properties.configured()) {
            String username = properties.username().strip();
            if (accounts.findByUsernameIgnoringCase(username).isEmpty()) {
                accounts.save(new StaffAccount(username, hashing.hash(properties.password()), StaffRole.ADMIN,
                        clock.instant()));
                log.info("Admin account {} created from configuration", Secrets.mask(username));
            }
            return;
        }
        if (properties.generateIfNone() && accounts.count() == 0) {
            String password = Secrets.random(18);
            accounts.save(new StaffAccount("admin", hashing.hash(password), StaffRole.ADMIN, clock.instant()));
            Map<String, String> values = new LinkedHashMap<>();
            values.put("username", "admin");
            values.put("password", password);
            notice.show("examgate generated an admin account for the admin API (/api/v1)", values,
                    "Use HTTP Basic. The password is not shown again.");
        }
    }
}
