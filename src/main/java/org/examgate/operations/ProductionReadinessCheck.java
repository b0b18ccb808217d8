package org.examgate.operations;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * Under the {@code prod} profile, refuses to start before anything else happens (no embedded
 * database, no generated credentials) unless the operator configured a database, a webhook client
 * and an admin. Registered in {@code META-INF/spring.factories} so it runs before the context exists.
 */
public class ProductionReadinessCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        List<String> missing = new ArrayList<>();
        require(environment, "spring.datasource.url", "SPRING_DATASOURCE_URL", missing);
        require(environment, "examgate.webhook.client-id", "EXAMGATE_WEBHOOK_CLIENT_ID", missing);
        require(environment, "examgate.webhook.client-secret", "EXAMGATE_WEBHOOK_CLIENT_SECRET", missing);
        require(environment, "examgate.admin.username", "EXAMGATE_ADMIN_USERNAME", missing);
        require(environment, "examgate.admin.password", "EXAMGATE_ADMIN_PASSWORD", missing);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The prod profile needs these settings, which are not set: "
                    + String.join(", ", missing) + ". examgate will not start without them.");
        }
    }

    private static void require(ConfigurableEnvironment environment, String property, String variable,
            List<String> missing) {
        if (!StringUtils.hasText(environment.getProperty(property))) {
            missing.add(variable);
        }
    }
}
