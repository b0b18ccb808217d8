package org.examgate.student;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface StudentRepository extends JpaRepository<Student, UUID> {

    /**
     * The student, with its row locked until the transaction ends: a verification or an upload that
     * would add a row naming the student waits, then fails on the foreign key, instead of slipping in
     * between the erasure of the student's records and the delete.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Student s where s.id = :id")
    Optional<Student> findLockedById(@Param("id") UUID id);

    List<Student> findByStudentNumberIn(Collection<String> studentNumbers);

    @Query("""
            select s from Student s
             where (:status is null or s.status = :status)
               and (:pattern is null
                    or lower(s.studentNumber) like :pattern escape '\\'
                    or lower(s.matricNumber) like :pattern escape '\\'
                    or lower(s.email) like :pattern escape '\\'
                    or lower(s.fullName) like :pattern escape '\\')
            """)
    Page<Student> search(@Param("pattern") String pattern, @Param("status") StudentStatus status, Pageable pageable);

    /** Replaces a hash only if nobody changed it since it was read, so a concurrent reset wins. */
    @Modifying
    @Query(value = "update student set password_hash = :newHash where id = :id and password_hash = :oldHash",
            nativeQuery = true)
    int replacePasswordHash(@Param("id") UUID id, @Param("oldHash") String oldHash, @Param("newHash") String newHash);
}
