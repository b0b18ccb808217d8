package org.examgate.photo;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the platform reaches examgate from outside ({@code EXAMGATE_PUBLIC_BASE_URL}). Links are
 * built from it, never from the request that asked: the platform's webhook call may come through a
 * different host name, or a proxy, than the one it must fetch photos from.
 *
 * @param publicBaseUrl an absolute http or https URL, possibly with a path; a trailing slash is ignored
 */
@ConfigurationProperties("examgate")
record PublicBaseUrl(@DefaultValue("http://localhost:8080") URI publicBaseUrl) {

    PublicBaseUrl {
        String scheme = publicBaseUrl.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || publicBaseUrl.getHost() == null
                || publicBaseUrl.getQuery() != null || publicBaseUrl.getFragment() != null) {
            throw new IllegalArgumentException(
                    "examgate.public-base-url must be an absolute http or https URL without query, e.g. https://gate.uni.example");
        }
    }

    /** The base followed by {@code path}, which starts with a slash. */
    String resolve(String path) {
        String base = publicBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
