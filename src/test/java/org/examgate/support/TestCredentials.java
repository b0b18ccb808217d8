package org.examgate.support;

/** The credentials every {@link ExamgateTest} application starts with. */
public final class TestCredentials {

    public static final String CLIENT_ID = "examjoint-test";
    public static final String CLIENT_SECRET = "test-webhook-secret-0123456789abcdef";
    public static final String ADMIN_USERNAME = "registrar";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private TestCredentials() {
    }
}
