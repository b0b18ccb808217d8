package org.examgate.photo;

/** What decoding an uploaded image found: its real format and size, whatever the upload claimed. */
record DecodedImage(String contentType, int width, int height) {
}
