package org.examgate.student;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads what an import needs to know about a batch of rows in at most three queries, whatever its size. */
@Component
class StudentImportLookup {

    private final JdbcClient jdbc;

    StudentImportLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes the rest of the current transaction plan each query for the table as it is now. In a first
     * bulk load the table grows from nothing faster than autovacuum analyses it, and a plan the driver's
     * prepared statement cached while it was tiny (a sequential scan) would serve every later batch,
     * making the import quadratic. Call at the start of a transaction; it ends with it.
     */
    void planForTheTableAsItIsNow() {
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
    }

    /** The registered students with these numbers, by number. */
    Map<String, ExistingStudent> byStudentNumber(Collection<String> studentNumbers) {
        Map<String, ExistingStudent> found = new HashMap<>();
        if (studentNumbers.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        select id, version, student_number, matric_number, email, full_name, about, status, photo_url,
                               password_hash, attributes::text as attributes
                          from student where student_number = any(:numbers)
                        """)
                .param("numbers", studentNumbers.toArray(String[]::new))
                .query((rs, row) -> new ExistingStudent(rs.getObject("id", UUID.class), rs.getLong("version"),
                        rs.getString("student_number"), rs.getString("matric_number"), rs.getString("email"),
                        rs.getString("full_name"), rs.getString("about"), StudentStatus.valueOf(rs.getString("status")),
                        rs.getString("photo_url"), rs.getString("password_hash"), rs.getString("attributes")))
                .list()
                .forEach(student -> found.put(student.studentNumber(), student));
        return found;
    }

    /**
     * Who holds these matric numbers and e-mail addresses now. E-mail addresses are matched by the
     * database's own lower(), the one its unique index uses, and answered as they were asked.
     */
    Holders holders(Set<String> matricNumbers, Set<String> emails) {
        Holders holders = new Holders(new HashMap<>(), new HashMap<>());
        if (!matricNumbers.isEmpty()) {
            jdbc.sql("select matric_number, student_number from student where matric_number = any(:matrics)")
                    .param("matrics", matricNumbers.toArray(String[]::new))
                    .query(rs -> {
                        holders.byMatricNumber().put(rs.getString("matric_number"), rs.getString("student_number"));
                    });
        }
        if (!emails.isEmpty()) {
            // One probe of the lower(email) index per address: "limit 1" keeps the planner from turning
            // this into a join that scans the whole table for every batch.
            jdbc.sql("""
                            select asked.email, holder.student_number
                              from unnest(cast(:emails as text[])) as asked(email)
                             cross join lateral (select student_number from student
                                                  where lower(email) = lower(asked.email) limit 1) as holder
                            """)
                    .param("emails", emails.toArray(String[]::new))
                    .query(rs -> {
                        holders.byEmail().put(rs.getString("email"), rs.getString("student_number"));
                    });
        }
        return holders;
    }

    /** The student number of the student holding each value. */
    record Holders(Map<String, String> byMatricNumber, Map<String, String> byEmail) {
    }
}
