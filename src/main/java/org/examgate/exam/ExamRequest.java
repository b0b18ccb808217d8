package org.examgate.exam;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;
import org.examgate.api.PlausibleTime;
import org.examgate.student.IdentifierKind;

/**
 * An exam as staff register it. Omitted layout means the platform's default (0 identifier,
 * 1 password); omitted identifier kinds mean all three.
 */
record ExamRequest(
        @NotBlank @Size(max = 256) @Pattern(regexp = "[A-Za-z0-9_][A-Za-z0-9._:@+-]*", message = "must be letters, digits and . _ : @ + - (starting with a letter, digit or _)") String examId,
        @NotBlank @Size(max = 300) String title,
        @Valid @Size(min = 1, max = 10) List<@NotNull FieldSpec> fieldLayout,
        @Size(min = 1, max = 3) Set<IdentifierKind> identifierKinds,
        Boolean rosterRequired,
        Instant opensAt,
        Instant closesAt,
        Boolean active) {

    List<FieldSpec> layoutOrDefault() {
        return fieldLayout != null ? fieldLayout
                : List.of(new FieldSpec(0, FieldKind.IDENTIFIER), new FieldSpec(1, FieldKind.PASSWORD));
    }

    Set<IdentifierKind> identifierKindsOrAll() {
        return identifierKinds != null ? identifierKinds : Set.of(IdentifierKind.values());
    }

    @Schema(hidden = true)
    @AssertTrue(message = "opensAt and closesAt must be ISO-8601 instants between 2000 and 2200")
    boolean isWindowPlausible() {
        return PlausibleTime.isPlausible(opensAt) && PlausibleTime.isPlausible(closesAt);
    }

    @Schema(hidden = true)
    @AssertTrue(message = "opensAt must be before closesAt")
    boolean isWindowInOrder() {
        return opensAt == null || closesAt == null || opensAt.isBefore(closesAt);
    }

    /** Each position once; at most one field of each kind; a credential; a code where no identifier. */
    @Schema(hidden = true)
    @AssertTrue(message = "fieldLayout needs distinct positions, at most one field of each kind, a PASSWORD or "
            + "ACCESS_CODE, and an ACCESS_CODE when there is no IDENTIFIER")
    boolean isFieldLayoutSound() {
        List<FieldSpec> layout = layoutOrDefault();
        if (layout.stream().anyMatch(field -> field == null || field.position() == null || field.kind() == null)) {
            return true; // reported by the field constraints
        }
        long positions = layout.stream().map(FieldSpec::position).distinct().count();
        long kinds = layout.stream().map(FieldSpec::kind).distinct().count();
        boolean hasIdentifier = layout.stream().anyMatch(field -> field.kind() == FieldKind.IDENTIFIER);
        boolean hasPassword = layout.stream().anyMatch(field -> field.kind() == FieldKind.PASSWORD);
        boolean hasCode = layout.stream().anyMatch(field -> field.kind() == FieldKind.ACCESS_CODE);
        return positions == layout.size() && kinds == layout.size() && (hasPassword || hasCode)
                && (hasIdentifier || hasCode);
    }
}
