package org.examgate.photo;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.examgate.student.PhotoPresence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Photos in their own table, one per student, removed with the student by the foreign key. Every
 * query but {@link #find} leaves the bytes alone; PostgreSQL keeps them out of line, so reading the
 * rest of a row does not read the image.
 */
@Repository
class PhotoStore implements PhotoPresence {

    private final JdbcClient jdbc;

    PhotoStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the photo, replacing the student's earlier one. */
    void save(StoredPhoto photo, Instant uploadedAt) {
        jdbc.sql("""
                insert into student_photo (student_id, version, content_type, width, height, byte_size, sha256,
                                           content, uploaded_at)
                values (:studentId, :version, :contentType, :width, :height, :size, :sha256, :content, :uploadedAt)
                on conflict (student_id) do update set
                    version = excluded.version, content_type = excluded.content_type, width = excluded.width,
                    height = excluded.height, byte_size = excluded.byte_size, sha256 = excluded.sha256,
                    content = excluded.content, uploaded_at = excluded.uploaded_at
                """)
                .param("studentId", photo.studentId())
                .param("version", photo.version())
                .param("contentType", photo.contentType())
                .param("width", photo.width())
                .param("height", photo.height())
                .param("size", photo.size())
                .param("sha256", photo.sha256())
                .param("content", photo.content())
                .param("uploadedAt", Timestamp.from(uploadedAt))
                .update();
    }

    /** The photo with its bytes. */
    Optional<StoredPhoto> find(UUID studentId) {
        return jdbc.sql("""
                select student_id, version, content_type, width, height, byte_size, sha256, content
                  from student_photo where student_id = ?
                """)
                .param(studentId)
                .query((rs, row) -> new StoredPhoto(rs.getObject("student_id", UUID.class), rs.getString("version"),
                        rs.getString("content_type"), rs.getInt("width"), rs.getInt("height"), rs.getInt("byte_size"),
                        rs.getString("sha256"), rs.getBytes("content")))
                .optional();
    }

    /** Whether there was a photo to delete. */
    boolean delete(UUID studentId) {
        return jdbc.sql("delete from student_photo where student_id = ?").param(studentId).update() > 0;
    }

    @Override
    public Set<UUID> withPhoto(Collection<UUID> studentIds) {
        if (studentIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select student_id from student_photo where student_id in (:ids)")
                .param("ids", studentIds)
                .query(UUID.class)
                .list());
    }
}
