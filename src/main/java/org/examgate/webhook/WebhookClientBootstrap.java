package org.examgate.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

import org.examgate.credential.Secrets;
import org.examgate.operations.CredentialNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Makes sure the platform can authenticate from the first start: the configured client is created
 * if absent; with none configured and none stored, one is generated and shown once.
 */
@Component
class WebhookClientBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(WebhookClientBootstrap.class);

    private final WebhookClients clients;
    private final WebhookProperties properties;
    private final CredentialNotice notice;

    WebhookClientBootstrap(WebhookClients clients, WebhookProperties properties, CredentialNotice notice) {
        this.clients = clients;
        this.properties = properties;
        this.notice = notice;
    }

    /** Runs before the web server starts, so no request ever arrives before the credentials exist. */
    @Override
    public void afterSingletonsInstantiated() {
        if (properties.clientConfigured()) {
            String clientId = properties.clientId().strip();
            if (clients.register(clientId, properties.clientSecret(), "from configuration")) {
                log.info("Webhook client {} created from configuration", clientId);
                if (clients.activeSecretsFor(clientId) > 1) {
                    log.warn("Webhook client {} has more than one active secret; revoke the old one once the "
                            + "platform uses the new one", clientId);
                }
            }
            return;
        }
        if (properties.generateIfNone() && !clients.anyActive()) {
            String clientId = "examjoint-" + Secrets.random(6);
            String secret = Secrets.random(32);
            clients.register(clientId, secret, "generated at first start");
            Map<String, String> values = new LinkedHashMap<>();
            values.put("x-client-id", clientId);
            values.put("x-client-secret", secret);
            notice.show("examgate generated a webhook client for ExamJoint", values,
                    "Enter both in ExamJoint's developer settings. The secret is not shown again.");
        }
    }
}
