package org.examgate.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * @param username the first admin account ({@code EXAMGATE_ADMIN_USERNAME}), created if absent
 * @param password its password ({@code EXAMGATE_ADMIN_PASSWORD})
 * @param generateIfNone whether to generate and print an admin when none is configured or stored
 */
@ConfigurationProperties("examgate.admin")
record AdminProperties(String username, String password, @DefaultValue("true") boolean generateIfNone) {

    boolean configured() {
        return StringUtils.hasText(username) && StringUtils.hasText(password);
    }

    @Override
    public String toString() {
        return "AdminProperties[username=" + username + "]";
    }
}
