package org.examgate.student;

import java.util.Map;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/** A student as written by staff: the create and the full update body. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StudentRequest(
        @NotBlank @Size(max = 64) String studentNumber,
        @Size(max = 64) String matricNumber,
        @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 200) String fullName,
        @Size(max = 1000) String about,
        StudentStatus status,
        @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an absolute http or https URL")
        String photoUrl,
        @Schema(accessMode = Schema.AccessMode.WRITE_ONLY, description = "Plain password; stored only as a hash")
        @Size(min = 1, max = 1024) String password,
        @Schema(accessMode = Schema.AccessMode.WRITE_ONLY,
                description = "A pre-hashed password in {bcrypt}, {argon2} or {pbkdf2} form")
        @Size(max = 512) String passwordHash,
        Map<String, Object> attributes) {

    StudentProfile toProfile(String attributesJson) {
        return new StudentProfile(studentNumber.strip(), blankToNull(matricNumber), blankToNull(email),
                fullName.strip(), blankToNull(about), status == null ? StudentStatus.ACTIVE : status,
                blankToNull(photoUrl), attributesJson);
    }

    PasswordRequest passwordRequest() {
        return new PasswordRequest(password, passwordHash);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "StudentRequest[" + studentNumber + "]";
    }
}
