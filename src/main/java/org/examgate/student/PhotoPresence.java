package org.examgate.student;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Which students have a photo stored in examgate. The photo feature answers; the registry only asks,
 * so that it knows nothing of how photos are kept and the photo feature may depend on the registry.
 */
public interface PhotoPresence {

    /** Those of {@code studentIds} that have a stored photo. */
    Set<UUID> withPhoto(Collection<UUID> studentIds);
}
