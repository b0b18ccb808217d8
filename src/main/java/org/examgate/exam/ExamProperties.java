package org.examgate.exam;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param unknown what to do with an exam id examgate does not know: verify it with the platform's
 *     default layout ({@code DEFAULT_LAYOUT}), or refuse with {@code unknown_exam} ({@code REJECT})
 */
@ConfigurationProperties("examgate.exams")
record ExamProperties(@DefaultValue("DEFAULT_LAYOUT") UnknownExams unknown) {

    enum UnknownExams {
        DEFAULT_LAYOUT, REJECT
    }
}
