package org.examgate.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Hidden;
import org.examgate.inbox.Notification;
import org.examgate.inbox.NotificationType;
import org.examgate.inbox.RecordNotification;
import org.examgate.verification.Outcome;
import org.examgate.verification.StudentMessages;
import org.examgate.verification.VerificationRequest;
import org.examgate.verification.VerifyRespondent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one URL ExamJoint calls. The body is JSON whatever the Content-Type says, so it is read as
 * bytes here rather than through Spring's content negotiation.
 */
@RestController
@Hidden
class WebhookController {

    static final String PATH = "/webhooks/examjoint";
    static final int MAX_BODY_BYTES = 256 * 1024;
    /** A body too large is read to its end up to this size, so that its 413 arrives; beyond it, not. */
    private static final long MAX_DRAINED_BYTES = 8L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final SourceNetworks sources;
    private final WebhookClients clients;
    private final VerifyRespondent verifyRespondent;
    private final StudentMessages messages;
    private final RecordNotification recordNotification;
    private final JsonMapper json;
    private final ObjectReader reader;

    WebhookController(SourceNetworks sources, WebhookClients clients, VerifyRespondent verifyRespondent,
            StudentMessages messages, RecordNotification recordNotification, JsonMapper json) {
        this.sources = sources;
        this.clients = clients;
        this.verifyRespondent = verifyRespondent;
        this.messages = messages;
        this.recordNotification = recordNotification;
        this.json = json;
        // A key given twice ("event" as a notification and as a verification) means whatever the reader
        // decides; any two parsers could decide differently, so such a body is refused, not guessed at.
        this.reader = json.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * A verification waiting for its password hash is answered asynchronously, without holding a request
     * thread, so notifications, admin calls and health checks keep their threads during a burst. Anything
     * decided at once (a notification, a {@code busy}) is answered on this thread: an asynchronous answer
     * costs a second pass through the filters and the dispatcher, and keeps the connection's buffers
     * meanwhile, which thousands of burst requests at once cannot afford.
     */
    @PostMapping(PATH)
    Object receive(
            @RequestHeader(name = "x-client-id", required = false) String clientId,
            @RequestHeader(name = "x-client-secret", required = false) String clientSecret,
            HttpServletRequest request) throws IOException {
        CompletableFuture<ResponseEntity<Object>> reply = answer(clientId, clientSecret, request);
        return reply.isDone() && !reply.isCompletedExceptionally() ? reply.join() : reply;
    }

    private CompletableFuture<ResponseEntity<Object>> answer(String clientId, String clientSecret,
            HttpServletRequest request) throws IOException {
        // A caller outside the allowed networks gets the same answer as bad credentials: no hint either way.
        if (!sources.admits(request) || !clients.authenticate(clientId, clientSecret)) {
            return done(WebhookReply.error(HttpStatus.UNAUTHORIZED, "unauthorized"));
        }
        byte[] body = readLimited(request);
        if (body == null) {
            return done(WebhookReply.error(HttpStatus.CONTENT_TOO_LARGE, "the body is larger than 256 KiB"));
        }
        JsonNode tree;
        try {
            tree = reader.readValue(body);
        } catch (JacksonException e) {
            return done(WebhookReply.error(HttpStatus.BAD_REQUEST, "the body is not valid JSON"));
        }
        if (tree == null || !tree.isObject()) {
            return done(WebhookReply.error(HttpStatus.BAD_REQUEST, "the body must be a JSON object"));
        }
        try {
            return dispatch(new WebhookEvent(tree));
        } catch (BadWebhookRequest e) {
            return done(WebhookReply.error(HttpStatus.BAD_REQUEST, e.getMessage()));
        } catch (DataAccessException | TransactionException e) {
            // Not acknowledged, so the platform delivers it again later. A notification gets here only if
            // neither the database nor the local journal could take it (journal full, or not an outage).
            log.error("Could not store a webhook event: {}", e.getClass().getSimpleName());
            return done(WebhookReply.error(HttpStatus.SERVICE_UNAVAILABLE, "unavailable"));
        }
    }

    private CompletableFuture<ResponseEntity<Object>> dispatch(WebhookEvent event) {
        String name = event.name().orElseThrow(() -> new BadWebhookRequest("event is missing"));
        if ("verify_respondent".equals(name)) {
            return verify(event.verificationRequest());
        }
        return done(NotificationType.fromWireName(name)
                .map(type -> notification(type, event))
                .orElseGet(() -> unknown(name, event)));
    }

    private CompletableFuture<ResponseEntity<Object>> verify(VerificationRequest request) {
        return verifyRespondent.verify(request).thenApply(result -> result.respondent()
                .map(WebhookReply::verified)
                .orElseGet(() -> result.outcome() == Outcome.BUSY
                        ? WebhookReply.busy(messages.messageFor(result, request.language()), result.outcome().code())
                        : WebhookReply.refused(messages.messageFor(result, request.language()),
                                result.outcome().code())));
    }

    /** The platform only ever POSTs; anything else still gets an answer in its format, not problem+json. */
    @RequestMapping(path = PATH, method = {RequestMethod.GET, RequestMethod.PUT, RequestMethod.PATCH,
            RequestMethod.DELETE})
    ResponseEntity<Object> otherMethods() {
        ResponseEntity<Object> reply = WebhookReply.error(HttpStatus.METHOD_NOT_ALLOWED, "only POST is accepted");
        return ResponseEntity.status(reply.getStatusCode()).headers(reply.getHeaders()).allow(HttpMethod.POST)
                .body(reply.getBody());
    }

    private static CompletableFuture<ResponseEntity<Object>> done(ResponseEntity<Object> reply) {
        return CompletableFuture.completedFuture(reply);
    }

    private ResponseEntity<Object> notification(NotificationType type, WebhookEvent event) {
        boolean admission = type == NotificationType.ADMITTED_RESPONDENT;
        Notification notification = new Notification(type, event.requiredId("exam_id"),
                event.requiredId("respondent_id"), admission ? event.admittedOn().orElse(null) : null,
                json.writeValueAsString(event.body()));
        if (admission && event.hasUnusableAdmittedOn()) {
            log.warn("admitted_respondent for exam {} has an unusable admittedOn; its arrival time is used",
                    notification.examId());
        }
        return WebhookReply.status(recordNotification.record(notification).status());
    }

    private ResponseEntity<Object> unknown(String name, WebhookEvent event) {
        String eventType = name.length() <= 64 ? name : name.substring(0, 64);
        return WebhookReply.status(recordNotification.recordUnknown(eventType,
                safeId(event, "exam_id"), safeId(event, "respondent_id"),
                json.writeValueAsString(event.body())).status());
    }

    /** An unknown event is kept whatever its ids look like; unusable ids are simply not indexed. */
    private static String safeId(WebhookEvent event, String member) {
        try {
            return event.optionalId(member).orElse(null);
        } catch (BadWebhookRequest e) {
            return null;
        }
    }

    /** The body, or null if it is larger than the limit. */
    private static byte[] readLimited(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            if (request.getContentLengthLong() > MAX_BODY_BYTES) {
                drain(in);
                return null;
            }
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                drain(in);
                return null;
            }
            return body;
        }
    }

    /**
     * Reads on to the end of what the client sends, within a bound. The connection is closed after a
     * 413, and closed on bytes still unread it is reset: the client may then get no answer at all.
     */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = MAX_DRAINED_BYTES;
        int read = 0;
        while (left > 0 && read >= 0) {
            read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            left -= Math.max(read, 0);
        }
    }
}
