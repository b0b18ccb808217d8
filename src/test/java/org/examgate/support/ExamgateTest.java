package org.examgate.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port over real HTTP, with its own embedded PostgreSQL in a fresh
 * data directory and its own notification journal. Every test class with this annotation shares one
 * running application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "examgate.embedded-db.dir=target/test-postgres/${random.uuid}",
        "examgate.embedded-db.durable-commits=false",
        "examgate.journal.dir=target/test-journal/${random.uuid}",
        "examgate.webhook.client-id=" + TestCredentials.CLIENT_ID,
        "examgate.webhook.client-secret=" + TestCredentials.CLIENT_SECRET,
        "examgate.admin.username=" + TestCredentials.ADMIN_USERNAME,
        "examgate.admin.password=" + TestCredentials.ADMIN_PASSWORD})
@Import(Http.class)
public @interface ExamgateTest {
}
