package org.examgate.exam;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who may sit an exam that requires enrollment. */
@Service
class Roster {

    private final JdbcClient jdbc;
    private final Clock clock;

    Roster(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Enrolls the students; returns how many were not enrolled before. */
    @Transactional
    int enroll(String examId, List<UUID> studentIds) {
        Timestamp now = Timestamp.from(clock.instant());
        int added = 0;
        for (UUID studentId : studentIds) {
            added += jdbc.sql("""
                    insert into exam_enrollment (exam_id, student_id, enrolled_at) values (?, ?, ?)
                    on conflict do nothing
                    """).params(examId, studentId, now).update();
        }
        return added;
    }

    /** Unenrolls the students and revokes their access codes; returns how many were enrolled. */
    @Transactional
    int unenroll(String examId, List<UUID> studentIds) {
        int removed = 0;
        for (UUID studentId : studentIds) {
            removed += jdbc.sql("delete from exam_enrollment where exam_id = ? and student_id = ?")
                    .params(examId, studentId).update();
            jdbc.sql("delete from access_code where exam_id = ? and student_id = ?").params(examId, studentId).update();
        }
        return removed;
    }

    @Transactional(readOnly = true)
    List<UUID> enrolledStudents(String examId) {
        return jdbc.sql("select student_id from exam_enrollment where exam_id = ? order by student_id")
                .param(examId).query(UUID.class).list();
    }
}
