package org.examgate.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * @param clientId a webhook client to create at start-up if absent ({@code EXAMGATE_WEBHOOK_CLIENT_ID})
 * @param clientSecret its secret ({@code EXAMGATE_WEBHOOK_CLIENT_SECRET})
 * @param generateIfNone whether to generate and print a client when none is configured or stored
 * @param clientRefresh how often the in-memory copy of the active clients is re-read, so that a
 *     client revoked on another instance stops working within this time
 * @param lastUsedFlush how often the clients' last-use times, kept in memory, are written to the database
 * @param allowedNetworks CIDR ranges the webhook may be called from; empty allows every address
 *     ({@code EXAMGATE_WEBHOOK_ALLOWED_NETWORKS})
 * @param trustedProxies CIDR ranges of reverse proxies whose {@code X-Forwarded-For} is believed
 *     ({@code EXAMGATE_WEBHOOK_TRUSTED_PROXIES})
 */
@ConfigurationProperties("examgate.webhook")
record WebhookProperties(String clientId, String clientSecret, @DefaultValue("true") boolean generateIfNone,
        @DefaultValue("5s") Duration clientRefresh, @DefaultValue("30s") Duration lastUsedFlush,
        @DefaultValue List<String> allowedNetworks, @DefaultValue List<String> trustedProxies) {

    WebhookProperties {
        allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }

    boolean clientConfigured() {
        return StringUtils.hasText(clientId) && StringUtils.hasText(clientSecret);
    }

    @Override
    public String toString() {
        return "WebhookProperties[clientId=" + clientId + ", allowedNetworks=" + allowedNetworks + ", trustedProxies="
                + trustedProxies + "]";
    }
}
