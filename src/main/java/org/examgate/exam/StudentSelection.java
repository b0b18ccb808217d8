package org.examgate.exam;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

/** Students named by id, by student number, or both. */
record StudentSelection(@Size(max = 50_000) List<UUID> studentIds, @Size(max = 50_000) List<String> studentNumbers) {

    StudentSelection {
        studentIds = studentIds == null ? List.of() : List.copyOf(studentIds);
        studentNumbers = studentNumbers == null ? List.of()
                : studentNumbers.stream().filter(number -> number != null && !number.isBlank()).map(String::strip)
                        .distinct().toList();
    }

    boolean isEmpty() {
        return studentIds.isEmpty() && studentNumbers.isEmpty();
    }
}
