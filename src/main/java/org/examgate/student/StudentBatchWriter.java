package org.examgate.student;

import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a batch of planned rows with two JDBC batch statements, inserts and updates, instead of one
 * entity at a time. Rows left unchanged are not written at all.
 */
@Component
class StudentBatchWriter {

    private static final String INSERT = """
            insert into student (id, student_number, matric_number, email, full_name, about, status, photo_url,
                                 password_hash, attributes, created_at, updated_at, version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, 0)
            """;

    /** Guarded by the version read when planning: a student changed since then is not overwritten. */
    private static final String UPDATE = """
            update student set matric_number = ?, email = ?, full_name = ?, about = ?, status = ?, photo_url = ?,
                               password_hash = ?, attributes = ?::jsonb, updated_at = ?, version = version + 1
             where id = ? and version = ?
            """;

    // Explicit types: with unknown ones a null would cost the driver a round trip to ask for its type.
    private static final int[] INSERT_TYPES = {Types.OTHER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE};
    private static final int[] UPDATE_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.OTHER,
            Types.BIGINT};

    private final JdbcTemplate jdbc;
    private final Clock clock;

    StudentBatchWriter(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Call inside a transaction: a student changed meanwhile throws, to roll the batch back. */
    void write(List<PlannedRow> plans) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (PlannedRow plan : plans) {
            if (plan.passwordPending() && plan.outcome() != PlannedRow.Outcome.REJECTED) {
                throw new IllegalStateException("A plain password was not decided before writing");
            }
            StudentProfile p = plan.profile();
            if (plan.outcome() == PlannedRow.Outcome.CREATED) {
                inserts.add(new Object[] {UUID.randomUUID(), p.studentNumber(), p.matricNumber(), p.email(),
                        p.fullName(), p.about(), p.status().name(), p.photoUrl(), plan.passwordHash(),
                        p.attributesJson(), now, now});
            } else if (plan.outcome() == PlannedRow.Outcome.UPDATED) {
                updates.add(new Object[] {p.matricNumber(), p.email(), p.fullName(), p.about(), p.status().name(),
                        p.photoUrl(), plan.passwordHash(), p.attributesJson(), now, plan.existing().id(),
                        plan.existing().version()});
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate(INSERT, inserts, INSERT_TYPES);
        }
        if (!updates.isEmpty()) {
            for (int count : jdbc.batchUpdate(UPDATE, updates, UPDATE_TYPES)) {
                if (count == 0) {
                    throw new StudentsChangedMeanwhile();
                }
            }
        }
    }

    /** A student of the batch changed between planning and writing. */
    static class StudentsChangedMeanwhile extends RuntimeException {

        StudentsChangedMeanwhile() {
            super("A student of the batch changed while it was written");
        }
    }
}
