package org.examgate.student;

import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/** Sets a student's password: either the password itself or a hash exported from another system. */
record PasswordRequest(
        @Schema(accessMode = Schema.AccessMode.WRITE_ONLY) @Size(min = 1, max = 1024) String password,
        @Schema(accessMode = Schema.AccessMode.WRITE_ONLY,
                description = "A pre-hashed password in {bcrypt}, {argon2} or {pbkdf2} form")
        @Size(max = 512) String passwordHash) {

    boolean isEmpty() {
        return password == null && passwordHash == null;
    }

    @Override
    public String toString() {
        return "PasswordRequest[***]";
    }
}
