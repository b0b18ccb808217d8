package org.examgate.photo;

import java.util.UUID;

/**
 * A student's photo as kept in the database.
 *
 * @param version random, new at every upload: links name it, so a replaced photo's links stop working
 * @param sha256 the content's digest in hex, the ETag of every answer that serves it
 * @param content the uploaded bytes, exactly as uploaded; null when only the description was read
 */
record StoredPhoto(UUID studentId, String version, String contentType, int width, int height, int size,
        String sha256, byte[] content) {

    @Override
    public String toString() {
        return "StoredPhoto[" + studentId + ", " + contentType + ", " + width + "x" + height + "]";
    }
}
