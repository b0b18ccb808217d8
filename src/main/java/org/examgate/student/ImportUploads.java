package org.examgate.student;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.examgate.api.ApiProblems;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * Spools an uploaded CSV to a temporary file that only examgate's user can read (it may hold plain
 * passwords), so that the job reads it from disk and never holds the whole file in memory.
 */
final class ImportUploads {

    private ImportUploads() {
    }

    static Path spool(MultipartFile file, DataSize max) throws IOException {
        if (file.getSize() > max.toBytes()) {
            throw tooLarge(max);
        }
        Path spooled = Files.createTempFile("examgate-student-import-", ".csv");
        try {
            file.transferTo(spooled);
            return spooled;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(spooled);
            throw e;
        }
    }

    static Path spool(InputStream body, long declaredLength, DataSize max) throws IOException {
        if (declaredLength > max.toBytes()) {
            throw tooLarge(max);
        }
        Path spooled = Files.createTempFile("examgate-student-import-", ".csv");
        try (OutputStream out = Files.newOutputStream(spooled)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                total += read;
                if (total > max.toBytes()) {
                    throw tooLarge(max);
                }
                out.write(buffer, 0, read);
            }
            return spooled;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(spooled);
            throw e;
        }
    }

    /** The uploaded file's own name, without any directory a browser may send, for staff to recognise the job. */
    static String fileName(String original) {
        if (original == null || original.isBlank()) {
            return null;
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
        return name.isEmpty() ? null : name.substring(0, Math.min(name.length(), 255));
    }

    private static RuntimeException tooLarge(DataSize max) {
        return ApiProblems.contentTooLarge(
                "The file is larger than the " + max.toMegabytes() + " MB an import accepts.");
    }
}
