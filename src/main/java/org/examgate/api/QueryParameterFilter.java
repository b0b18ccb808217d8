package org.examgate.api;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Query parameters of the admin API and Actuator must be text the database can take: a NUL or a
 * broken encoding is a 400 here, not a database error later. The webhook takes no parameters and
 * its body must not be read as a form, so it is left alone.
 */
@Component
class QueryParameterFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    QueryParameterFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/webhooks/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!parametersAreSafe(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "A query parameter holds a NUL character or text that is not valid UTF-8.");
            problem.setTitle("Invalid request");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean parametersAreSafe(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return true;
        }
        try {
            Map<String, String[]> parameters = request.getParameterMap();
            return parameters.entrySet().stream().allMatch(entry -> SafeText.isSafe(entry.getKey())
                    && Arrays.stream(entry.getValue()).allMatch(value -> SafeText.isSafe(value) && value.indexOf('\uFFFD') < 0));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
