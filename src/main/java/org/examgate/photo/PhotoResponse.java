package org.examgate.photo;

/**
 * What an upload stored.
 *
 * @param bytes the size of the stored file
 * @param warning why the photo may not serve the platform well (too small for face matching), or null
 */
record PhotoResponse(int width, int height, String contentType, int bytes, String warning) {

    static PhotoResponse of(StoredPhoto photo, int recommendedSize) {
        String warning = photo.width() < recommendedSize || photo.height() < recommendedSize
                ? "The photo is " + photo.width() + "×" + photo.height() + " pixels. ExamJoint recommends more than "
                        + recommendedSize + "×" + recommendedSize + " for reliable face matching."
                : null;
        return new PhotoResponse(photo.width(), photo.height(), photo.contentType(), photo.size(), warning);
    }
}
