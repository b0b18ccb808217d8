package org.examgate.photo;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import org.examgate.api.ApiProblems;
import org.examgate.student.StudentDirectory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/** Staff's side of photos: upload (checked, sized, decoded), download and delete. */
@Service
class StudentPhotos {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PhotoStore store;
    private final ImageDecoder decoder;
    private final StudentDirectory students;
    private final PhotoProperties properties;
    private final Clock clock;

    StudentPhotos(PhotoStore store, ImageDecoder decoder, StudentDirectory students, PhotoProperties properties,
            Clock clock) {
        this.store = store;
        this.decoder = decoder;
        this.students = students;
        this.properties = properties;
        this.clock = clock;
    }

    StoredPhoto upload(UUID studentId, MultipartFile file) throws IOException {
        requireStudent(studentId);
        if (file.getSize() > maxBytes()) {
            throw tooLarge();
        }
        return store(studentId, file.getBytes());
    }

    StoredPhoto upload(UUID studentId, InputStream body) throws IOException {
        requireStudent(studentId);
        // Reads one byte past the limit, never more: a larger body is refused without being held in memory.
        byte[] bytes = body.readNBytes(maxBytes() + 1);
        if (bytes.length > maxBytes()) {
            throw tooLarge();
        }
        return store(studentId, bytes);
    }

    StoredPhoto find(UUID studentId) {
        return store.find(studentId).orElseThrow(() -> noPhoto(studentId));
    }

    void delete(UUID studentId) {
        if (!store.delete(studentId)) {
            throw noPhoto(studentId);
        }
    }

    private StoredPhoto store(UUID studentId, byte[] bytes) {
        if (bytes.length == 0) {
            throw ApiProblems.badRequest("The upload is empty. Send a JPEG or PNG photo.");
        }
        DecodedImage image = decoder.decode(bytes);
        StoredPhoto photo = new StoredPhoto(studentId, newVersion(), image.contentType(), image.width(),
                image.height(), bytes.length, sha256(bytes), bytes);
        try {
            store.save(photo, clock.instant());
        } catch (DataIntegrityViolationException e) {
            // The student was deleted while the image was being decoded.
            throw ApiProblems.notFound("student", studentId);
        }
        return photo;
    }

    private void requireStudent(UUID studentId) {
        if (students.findById(studentId).isEmpty()) {
            throw ApiProblems.notFound("student", studentId);
        }
    }

    private RuntimeException noPhoto(UUID studentId) {
        requireStudent(studentId);
        return ApiProblems.notFound("photo of the student", studentId);
    }

    private int maxBytes() {
        return (int) properties.maxUpload().toBytes();
    }

    private RuntimeException tooLarge() {
        long limit = properties.maxUpload().toBytes();
        String described = limit % (1024 * 1024) == 0 ? limit / (1024 * 1024) + " MiB" : limit + " bytes";
        return ApiProblems.contentTooLarge("The photo is larger than " + described + ". Send a smaller JPEG or PNG.");
    }

    private static String newVersion() {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
