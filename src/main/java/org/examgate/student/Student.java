package org.examgate.student;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "student")
class Student {

    @Id
    private UUID id;

    @Column(name = "student_number", nullable = false)
    private String studentNumber;

    @Column(name = "matric_number")
    private String matricNumber;

    private String email;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    private String about;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StudentStatus status;

    @Column(name = "photo_url")
    private String photoUrl;

    @Column(name = "password_hash")
    private String passwordHash;

    /** Free-form attributes as a JSON object text; the API maps it to and from a JSON object. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String attributes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Student() {
    }

    Student(UUID id, Instant now) {
        this.id = id;
        this.createdAt = now;
        this.updatedAt = now;
        this.status = StudentStatus.ACTIVE;
        this.attributes = "{}";
    }

    void updateProfile(StudentProfile profile, Instant now) {
        this.studentNumber = profile.studentNumber();
        this.matricNumber = profile.matricNumber();
        this.email = profile.email();
        this.fullName = profile.fullName();
        this.about = profile.about();
        this.status = profile.status();
        this.photoUrl = profile.photoUrl();
        this.attributes = profile.attributesJson();
        this.updatedAt = now;
    }

    void setPasswordHash(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.updatedAt = now;
    }

    UUID getId() {
        return id;
    }

    String getStudentNumber() {
        return studentNumber;
    }

    String getMatricNumber() {
        return matricNumber;
    }

    String getEmail() {
        return email;
    }

    String getFullName() {
        return fullName;
    }

    String getAbout() {
        return about;
    }

    StudentStatus getStatus() {
        return status;
    }

    String getPhotoUrl() {
        return photoUrl;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    String getAttributes() {
        return attributes;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
