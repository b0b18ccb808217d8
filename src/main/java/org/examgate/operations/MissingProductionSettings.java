package org.examgate.operations;

import java.util.List;
import java.util.stream.Collectors;

/** The prod profile's refusal to start, naming every setting still missing. */
class MissingProductionSettings extends IllegalStateException {

    private final transient List<ProductionReadinessCheck.Required> missing;

    MissingProductionSettings(List<ProductionReadinessCheck.Required> missing) {
        super("The prod profile needs these settings, which are not set: " + names(missing)
                + ". examgate will not start without them.");
        this.missing = List.copyOf(missing);
    }

    List<ProductionReadinessCheck.Required> missing() {
        return missing;
    }

    static String names(List<ProductionReadinessCheck.Required> settings) {
        return settings.stream().map(Enum::name).collect(Collectors.joining(", "));
    }
}
