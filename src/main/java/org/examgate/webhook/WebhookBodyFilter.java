package org.examgate.webhook;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The webhook's body is JSON whatever the Content-Type says. A declared {@code multipart/*} type
 * would otherwise make Spring MVC parse (and so consume) the body as parts before the controller
 * reads it, so on the webhook's URL the request reports itself as JSON.
 */
@Configuration(proxyBeanMethods = false)
class WebhookBodyFilter {

    @Bean
    FilterRegistrationBean<Filter> webhookBodyIsJson() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(WebhookBodyFilter::asJson);
        registration.addUrlPatterns(WebhookController.PATH);
        registration.setName("webhookBodyIsJson");
        return registration;
    }

    private static void asJson(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request instanceof HttpServletRequest http ? new JsonRequest(http) : request, response);
    }

    private static final class JsonRequest extends HttpServletRequestWrapper {

        JsonRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            return MediaType.APPLICATION_JSON_VALUE;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? getContentType() : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(getContentType()))
                    : super.getHeaders(name);
        }
    }
}
