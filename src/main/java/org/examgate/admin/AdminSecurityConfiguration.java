package org.examgate.admin;

import java.time.Clock;

import jakarta.servlet.DispatcherType;
import org.examgate.credential.PasswordHashing;
import org.examgate.lockout.Lockouts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what. The webhook authenticates the platform itself (its own headers, answered in
 * the platform's format), so Spring Security lets it through; everything under {@code /api} needs
 * a staff account (HTTP Basic) or an API token (Bearer), read-only for viewers. Signed photo links need none.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurityConfiguration {

    /**
     * The webhook gets a chain of its own with no staff authentication at all: an {@code Authorization}
     * header sent to it is neither checked against staff accounts (no password hash on the platform's
     * path) nor able to turn its answer into the admin API's problem+json.
     */
    @Bean
    @Order(1)
    SecurityFilterChain webhookFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/webhooks/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .httpBasic(AbstractHttpConfigurer::disable);
        return stateless(http).build();
    }

    /**
     * Signed photo links are fetched by the platform without any login: the signature in the link is
     * the authorisation, checked by the photo feature. No staff authentication runs here either, and
     * nothing but reading is allowed.
     */
    @Bean
    @Order(0)
    SecurityFilterChain photoLinkFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/photos/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/photos/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/photos/**").permitAll()
                        .anyRequest().denyAll())
                .httpBasic(AbstractHttpConfigurer::disable);
        return stateless(http).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint,
            ProblemAccessDeniedHandler accessDenied, AuthenticationManager authenticationManager) throws Exception {
        http.authenticationManager(authenticationManager)
                .addFilterBefore(new ApiTokenAuthenticationFilter(authenticationManager, entryPoint),
                        BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // The error page of a request already authorised (or refused) is its answer; asked
                        // for directly, /error has nothing to say.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/error").denyAll()
                        .requestMatchers("/webhooks/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(StaffRole.ADMIN.name(),
                                StaffRole.VIEWER.name())
                        .requestMatchers("/api/**").hasRole(StaffRole.ADMIN.name())
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("examgate").authenticationEntryPoint(entryPoint))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied));
        return stateless(http).build();
    }

    /**
     * Every chain serves machines and scripts, never a browser session: no cookies (so no CSRF token to
     * carry), no saved requests, no login or logout pages; the default security headers stay.
     */
    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .headers(Customizer.withDefaults());
    }

    /**
     * The one way in: staff passwords behind the lockout, and API tokens. Built here rather than from
     * provider beans, so that no global fallback manager could ever bypass the lockout; the publisher
     * turns every attempt into an event for {@link AuthenticationAudit}.
     */
    @Bean
    AuthenticationManager authenticationManager(StaffUserDetailsService staff, PasswordEncoder passwordEncoder,
            Lockouts lockouts, ApiTokens tokens, ApiTokenUsage usage, Clock clock,
            AuthenticationEventPublisher events) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(staff);
        passwords.setPasswordEncoder(passwordEncoder);
        ProviderManager manager = new ProviderManager(new StaffPasswordAuthentication(passwords, lockouts),
                new ApiTokenAuthenticationProvider(tokens, usage, clock));
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    /** Staff passwords use the same hashes as students' and may be imported the same way. */
    @Bean
    PasswordEncoder passwordEncoder(PasswordHashing hashing) {
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                return hashing.hash(rawPassword.toString());
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                return hashing.check(rawPassword.toString(), encodedPassword).matched();
            }
        };
    }
}
