package org.examgate.credential;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * @param bcryptStrength bcrypt cost factor for new hashes; stored hashes with a lower cost are
 *     re-hashed on the next successful verification
 */
@Validated
@ConfigurationProperties("examgate.password")
public record PasswordHashingProperties(@DefaultValue("10") @Min(4) @Max(16) int bcryptStrength) {
}
