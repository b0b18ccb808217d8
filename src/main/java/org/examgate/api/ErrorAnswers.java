package org.examgate.api;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container's own errors look like: those that happen before or after a controller
 * (a request timed out while its body was read, a path the firewall refuses, a method no one maps).
 * Spring Boot's default body ({@code timestamp}, {@code status}, {@code error}, {@code path}) is
 * neither of examgate's shapes: the webhook answers the contract's {@code errorMessage}, everything
 * else RFC 9457 problem+json. Only the status is taken from the failed request, never a message.
 */
@RestController
class ErrorAnswers implements ErrorController {

    private static final String WEBHOOKS = "/webhooks/";

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path instanceof String uri && uri.startsWith(WEBHOOKS)) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("errorMessage", status.getReasonPhrase().toLowerCase(Locale.ROOT)));
        }
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(status.getReasonPhrase());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status != null && status.isError() ? status : HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
