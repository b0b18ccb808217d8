package org.examgate.photo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param linkTtl how long a signed photo link handed to the platform stays valid
 * @param maxUpload the largest photo accepted; {@code spring.servlet.multipart.max-file-size} must not
 *     be smaller, or multipart uploads are cut off before this limit is reached
 * @param recommendedSize the platform recommends photos of more than this many pixels each way;
 *     smaller ones are accepted with a warning
 * @param maxPixels the largest image decoded (width × height): a few megabytes of compressed data can
 *     describe billions of pixels, and decoding those would stall the server or exhaust its memory
 */
@ConfigurationProperties("examgate.photos")
record PhotoProperties(@DefaultValue("24h") Duration linkTtl, @DefaultValue("10MB") DataSize maxUpload,
        @DefaultValue("1500") int recommendedSize, @DefaultValue("40000000") long maxPixels) {

    PhotoProperties {
        if (linkTtl.isNegative() || linkTtl.isZero()) {
            throw new IllegalArgumentException("examgate.photos.link-ttl must be positive");
        }
        if (maxUpload.toBytes() <= 0 || maxUpload.toBytes() >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("examgate.photos.max-upload must be between 1 byte and 2 GB");
        }
    }
}
