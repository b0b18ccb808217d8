package org.examgate.exam;

import org.springframework.data.jpa.repository.JpaRepository;

interface ExamRepository extends JpaRepository<Exam, String> {
}
