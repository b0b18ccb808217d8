package org.examgate.photo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.examgate.api.ApiProblems;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Decodes an upload completely with ImageIO, so that only real, whole JPEG and PNG images are
 * stored: the file name and the declared type prove nothing, and a truncated image would only fail
 * later, at the platform's face matching.
 */
@Component
class ImageDecoder {

    private static final List<String> ACCEPTED = List.of(MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE);
    /** Decoded pixels kept per side at most: every row is still decoded, but memory stays small. */
    private static final int SAMPLED_SIDE = 512;

    private final PhotoProperties properties;

    ImageDecoder(PhotoProperties properties) {
        this.properties = properties;
    }

    DecodedImage decode(byte[] bytes) {
        // In memory: ImageIO's default stream would copy the upload to a temporary file first.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw ApiProblems.badRequest("The upload is not an image. Send a JPEG or PNG photo.");
            }
            ImageReader reader = readers.next();
            try {
                String contentType = acceptedType(reader);
                reader.setInput(in, true, true);
                return decodeWhole(reader, contentType);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw damaged();
        }
    }

    private static String acceptedType(ImageReader reader) {
        ImageReaderSpi format = reader.getOriginatingProvider();
        return Arrays.stream(format.getMIMETypes())
                .filter(ACCEPTED::contains)
                .findFirst()
                .orElseThrow(() -> ApiProblems.badRequest("The upload is a "
                        + format.getFormatNames()[0].toUpperCase(Locale.ROOT)
                        + " image. Only JPEG and PNG photos are accepted."));
    }

    private DecodedImage decodeWhole(ImageReader reader, String contentType) {
        int width;
        int height;
        List<String> warnings = new ArrayList<>();
        try {
            width = reader.getWidth(0);
            height = reader.getHeight(0);
            if ((long) width * height > properties.maxPixels()) {
                throw ApiProblems.badRequest("The image has " + width + "×" + height + " pixels, more than the "
                        + properties.maxPixels() + " in all that examgate accepts. Send a smaller photo.");
            }
            // The JPEG decoder reports a truncated or corrupt stream as a warning and fills in grey.
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            ImageReadParam sampled = reader.getDefaultReadParam();
            int step = Math.max(1, Math.max(width, height) / SAMPLED_SIDE);
            sampled.setSourceSubsampling(step, step, 0, 0);
            reader.read(0, sampled);
        } catch (IOException | IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException
                | NegativeArraySizeException e) {
            // Decoders meet malformed data with all of these.
            throw damaged();
        }
        if (!warnings.isEmpty()) {
            throw damaged();
        }
        return new DecodedImage(contentType, width, height);
    }

    private static RuntimeException damaged() {
        return ApiProblems.badRequest("The image cannot be decoded: it is damaged or incomplete. Send the photo again.");
    }
}
