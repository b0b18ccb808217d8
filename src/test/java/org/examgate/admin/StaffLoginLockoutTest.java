package org.examgate.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.examgate.credential.Secrets;
import org.examgate.lockout.LockoutProperties;
import org.examgate.support.ExamgateTest;
import org.examgate.support.Http;
import org.examgate.support.Http.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Repeated failed admin logins make that username wait, like a student's identifier. */
@ExamgateTest
class StaffLoginLockoutTest {

    private static final String PASSWORD = "the right staff password";

    @Autowired
    Http http;

    @Autowired
    LockoutProperties lockout;

    @Autowired
    MeterRegistry meters;

    private String createViewer() {
        String username = "locker." + UUID.randomUUID().toString().substring(0, 8);
        Response created = http.admin("POST", "/api/v1/staff",
                Http.json(Map.of("username", username, "password", PASSWORD, "role", "VIEWER")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return username;
    }

    private int signIn(String username, String password) {
        Response response = http.asUser(username, password, "GET", "/api/v1/staff", null);
        if (response.status() == 401) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        return response.status();
    }

    private void failTimes(String username, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(signIn(username, "wrong password " + i)).isEqualTo(401);
        }
    }

    private long hashesDuring(Runnable work) {
        long before = meters.timer("examgate.password.hashes").count();
        work.run();
        return meters.timer("examgate.password.hashes").count() - before;
    }

    @Test
    void repeatedFailuresLockTheUsernameEvenForTheRightPasswordUntilStaffClearIt() {
        String username = createViewer();
        failTimes(username, lockout.threshold());

        assertThat(signIn(username, PASSWORD)).as("locked: the right password is refused").isEqualTo(401);

        Response cleared = http.admin("DELETE", "/api/v1/lockouts?scope=STAFF&identifier=" + username, null);
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(cleared.json().get("cleared").intValue()).isEqualTo(1);
        assertThat(signIn(username, PASSWORD)).isEqualTo(200);
    }

    @Test
    void aLockedUsernameIsRefusedWithoutComputingAPasswordHash() {
        String username = createViewer();
        failTimes(username, lockout.threshold());

        long hashes = hashesDuring(() -> assertThat(signIn(username, PASSWORD)).isEqualTo(401));

        assertThat(hashes).isZero();
    }

    @Test
    void theLockCoversTheUsernameInAnyCase() {
        String username = createViewer();
        failTimes(username, lockout.threshold());

        assertThat(signIn(username.toUpperCase(), PASSWORD)).isEqualTo(401);
    }

    @Test
    void aDifferentUsernameIsUnaffected() {
        String locked = createViewer();
        String other = createViewer();
        failTimes(locked, lockout.threshold());

        assertThat(signIn(other, PASSWORD)).isEqualTo(200);
    }

    @Test
    void aSuccessForgetsEarlierFailures() {
        String username = createViewer();
        failTimes(username, lockout.threshold() - 1);
        assertThat(signIn(username, PASSWORD)).isEqualTo(200);

        failTimes(username, lockout.threshold() - 1);

        assertThat(signIn(username, PASSWORD)).as("the count started again after the success").isEqualTo(200);
    }

    @Test
    void clearingAStudentIdentifierLeavesAStaffLockoutInPlace() {
        String username = createViewer();
        failTimes(username, lockout.threshold());

        Response cleared = http.admin("DELETE", "/api/v1/lockouts?identifier=" + username, null);

        assertThat(cleared.json().get("cleared").intValue()).isZero();
        assertThat(signIn(username, PASSWORD)).isEqualTo(401);
    }

    @Test
    void unknownUsernamesAreLockedLikeKnownOnes() {
        String unknown = "ghost." + UUID.randomUUID().toString().substring(0, 8);
        failTimes(unknown, lockout.threshold());

        Response lockouts = http.admin("GET", "/api/v1/lockouts?size=500", null);

        assertThat(lockouts.json().get("content").valueStream()
                .filter(entry -> "STAFF".equals(entry.get("scope").stringValue()))
                .map(entry -> entry.get("identifier").stringValue()))
                .as("listed masked").contains(Secrets.mask(unknown))
                .doesNotContain(unknown);
    }
}
