package org.examgate.exam;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** One welcome-page field: its position and what it holds. */
record FieldSpec(@NotNull @Min(0) @Max(1000) Integer position, @NotNull FieldKind kind) {
}
