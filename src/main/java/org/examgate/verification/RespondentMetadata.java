package org.examgate.verification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.examgate.photo.PhotoLinks;
import org.examgate.student.RegisteredStudent;
import org.examgate.verification.VerificationReads.Candidate;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What the platform is told about a verified student: the contract's {@code metadata}. */
@Component
class RespondentMetadata {

    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() {
    };

    private final PhotoLinks photoLinks;
    private final JsonMapper json;

    RespondentMetadata(PhotoLinks photoLinks, JsonMapper json) {
        this.photoLinks = photoLinks;
        this.json = json;
    }

    /**
     * The student's attributes plus {@code studentNumber} and {@code verificationId}; a photo stored
     * in examgate, as a signed link, wins over the student's external photo URL.
     */
    VerificationResult.Respondent of(Candidate candidate, UUID verificationId) {
        RegisteredStudent student = candidate.student();
        Map<String, Object> data = new LinkedHashMap<>(json.readValue(student.attributesJson(), ATTRIBUTES));
        data.put("studentNumber", student.studentNumber());
        data.put("verificationId", verificationId.toString());
        String photo = candidate.photoVersion().map(version -> photoLinks.link(student.id(), version))
                .orElse(student.photoUrl());
        return new VerificationResult.Respondent(student.fullName(), student.email(), photo, student.about(), data);
    }
}
