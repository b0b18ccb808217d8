package org.examgate.student;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.examgate.api.ApiPaging;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/students")
@Tag(name = "Students", description = "The student registry")
class StudentController {

    private static final Sort STABLE_ORDER = Sort.by("studentNumber", "id");

    private final StudentRepository students;
    private final StudentAdministration administration;
    private final PhotoPresence photos;

    StudentController(StudentRepository students, StudentAdministration administration, PhotoPresence photos) {
        this.students = students;
        this.administration = administration;
        this.photos = photos;
    }

    @GetMapping
    @Operation(summary = "Search students", description = "q matches student number, matric number, e-mail or name")
    PagedModel<StudentResponse> search(@RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) StudentStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(ApiPaging.MAX_SIZE) int size) {
        Page<Student> found = students.search(ApiPaging.containsPattern(q), status,
                ApiPaging.of(page, size, STABLE_ORDER));
        // One query for the whole page, not one per student.
        Set<UUID> withPhoto = photos.withPhoto(found.map(Student::getId).getContent());
        return new PagedModel<>(found.map(student -> response(student, withPhoto)));
    }

    @PostMapping
    @Operation(summary = "Register a student")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<StudentResponse> create(@Valid @RequestBody StudentRequest request) {
        Student student = administration.create(request);
        return ResponseEntity.created(URI.create("/api/v1/students/" + student.getId())).body(response(student));
    }

    @GetMapping("/{id}")
    StudentResponse read(@PathVariable UUID id) {
        return response(administration.find(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a student's details",
            description = "The password is kept unless password or passwordHash is given")
    StudentResponse update(@PathVariable UUID id, @Valid @RequestBody StudentRequest request) {
        return response(administration.update(id, request));
    }

    @PutMapping("/{id}/password")
    @Operation(summary = "Set a student's password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> setPassword(@PathVariable UUID id, @Valid @RequestBody PasswordRequest request) {
        administration.setPassword(id, request);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        administration.delete(id);
        return ResponseEntity.noContent().build();
    }

    private StudentResponse response(Student student) {
        return response(student, photos.withPhoto(List.of(student.getId())));
    }

    private StudentResponse response(Student student, Set<UUID> withPhoto) {
        return StudentResponse.of(student, administration.attributesOf(student), withPhoto.contains(student.getId()));
    }
}
