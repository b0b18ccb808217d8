package org.examgate.exam;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "exam")
class Exam {

    @Id
    @Column(name = "exam_id")
    private String examId;

    @Column(nullable = false)
    private String title;

    /** JSON array of {position, kind}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "field_layout", nullable = false)
    private String fieldLayout;

    /** JSON array of identifier kinds. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "identifier_kinds", nullable = false)
    private String identifierKinds;

    @Column(name = "roster_required", nullable = false)
    private boolean rosterRequired;

    @Column(name = "opens_at")
    private Instant opensAt;

    @Column(name = "closes_at")
    private Instant closesAt;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Exam() {
    }

    Exam(String examId, Instant now) {
        this.examId = examId;
        this.createdAt = now;
    }

    void update(String title, String fieldLayout, String identifierKinds, boolean rosterRequired, Instant opensAt,
            Instant closesAt, boolean active, Instant now) {
        this.title = title;
        this.fieldLayout = fieldLayout;
        this.identifierKinds = identifierKinds;
        this.rosterRequired = rosterRequired;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.active = active;
        this.updatedAt = now;
    }

    String getExamId() {
        return examId;
    }

    String getTitle() {
        return title;
    }

    String getFieldLayout() {
        return fieldLayout;
    }

    String getIdentifierKinds() {
        return identifierKinds;
    }

    boolean isRosterRequired() {
        return rosterRequired;
    }

    Instant getOpensAt() {
        return opensAt;
    }

    Instant getClosesAt() {
        return closesAt;
    }

    boolean isActive() {
        return active;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
