package org.examgate.photo;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/students/{id}/photo")
@Tag(name = "Student photos", description = "Photos stored in examgate and handed to the platform for face matching")
class StudentPhotoController {

    private final StudentPhotos photos;
    private final PhotoProperties properties;

    StudentPhotoController(StudentPhotos photos, PhotoProperties properties) {
        this.photos = photos;
        this.properties = properties;
    }

    @RequestMapping(method = {RequestMethod.PUT, RequestMethod.POST}, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a student's photo as a form field",
            description = "A JPEG or PNG in the part named file, replacing any earlier photo")
    PhotoResponse uploadPart(@PathVariable UUID id, @RequestPart("file") MultipartFile file) throws IOException {
        return PhotoResponse.of(photos.upload(id, file), properties.recommendedSize());
    }

    @RequestMapping(method = {RequestMethod.PUT, RequestMethod.POST},
            consumes = {MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Upload a student's photo as the body",
            description = "The image itself as the body, replacing any earlier photo")
    PhotoResponse uploadBody(@PathVariable UUID id, InputStream body) throws IOException {
        return PhotoResponse.of(photos.upload(id, body), properties.recommendedSize());
    }

    @GetMapping
    @Operation(summary = "Download a student's photo")
    ResponseEntity<byte[]> download(@PathVariable UUID id) {
        StoredPhoto photo = photos.find(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .eTag(photo.sha256())
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .body(photo.content());
    }

    @DeleteMapping
    @Operation(summary = "Delete a student's photo", description = "Links handed out for it stop working")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        photos.delete(id);
        return ResponseEntity.noContent().build();
    }
}
