package org.examgate.webhook;

/** A webhook body examgate cannot act on; its message is safe to send back as {@code errorMessage}. */
class BadWebhookRequest extends RuntimeException {

    BadWebhookRequest(String message) {
        super(message, null, false, false);
    }
}
