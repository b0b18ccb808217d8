package org.examgate.operations;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The prod profile's refusal as a short report of what to set, instead of a stack trace: the refusal
 * happens before anything is running, so the report is all an operator needs.
 */
class ProductionSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingProductionSettings> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingProductionSettings cause) {
        StringBuilder action = new StringBuilder("Set them in examgate's environment (with docker compose, in the .env "
                + "file beside docker-compose.yml):");
        cause.missing().forEach(required -> action.append(System.lineSeparator()).append("    ")
                .append(required.name()).append(": ").append(required.meaning()));
        action.append(System.lineSeparator()).append("Under the prod profile nothing is generated. To try examgate "
                + "with an embedded database and generated credentials, start it without the prod profile (SPRING_PROFILES_ACTIVE).");
        return new FailureAnalysis("examgate will not start with the prod profile: these settings are not set: "
                + MissingProductionSettings.names(cause.missing()) + ".", action.toString(), cause);
    }
}
