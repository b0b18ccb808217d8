package org.examgate.operations;

import java.util.List;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * Under the {@code prod} profile, refuses to start before anything else happens (no embedded
 * database, no generated credentials) unless the operator configured a database, a webhook client
 * and an admin. Registered in {@code META-INF/spring.factories} so it runs before the context exists;
 * {@link ProductionSettingsFailureAnalyzer} turns the refusal into a short report.
 */
public class ProductionReadinessCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /** What the prod profile requires, in the order an operator meets it. */
    enum Required {
        SPRING_DATASOURCE_URL("spring.datasource.url",
                "the external PostgreSQL, e.g. jdbc:postgresql://db.uni.example:5432/examgate, with "
                        + "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD"),
        EXAMGATE_WEBHOOK_CLIENT_ID("examgate.webhook.client-id",
                "the client id entered in ExamJoint's developer settings"),
        EXAMGATE_WEBHOOK_CLIENT_SECRET("examgate.webhook.client-secret",
                "the secret entered with that client id in ExamJoint"),
        EXAMGATE_ADMIN_USERNAME("examgate.admin.username", "the first staff account of the admin API"),
        EXAMGATE_ADMIN_PASSWORD("examgate.admin.password", "the password of that staff account");

        private final String property;
        private final String meaning;

        Required(String property, String meaning) {
            this.property = property;
            this.meaning = meaning;
        }

        String meaning() {
            return meaning;
        }
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        List<Required> missing = List.of(Required.values()).stream()
                .filter(required -> !StringUtils.hasText(environment.getProperty(required.property)))
                .toList();
        if (!missing.isEmpty()) {
            throw new MissingProductionSettings(missing);
        }
    }
}
