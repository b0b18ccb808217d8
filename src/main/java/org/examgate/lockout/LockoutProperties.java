package org.examgate.lockout;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Progressive waits after repeated failures, per identifier.
 *
 * @param threshold failures within {@code window} that start a wait
 * @param window how long failures are counted together
 * @param firstWait the first wait
 * @param growth each further wait is this many times the previous one
 * @param maxWait no wait is longer
 * @param forgetAfter after this long without a failure the waits start again from {@code firstWait}
 */
@Validated
@ConfigurationProperties("examgate.lockout")
public record LockoutProperties(
        @DefaultValue("5") @Min(1) int threshold,
        @DefaultValue("15m") Duration window,
        @DefaultValue("1m") Duration firstWait,
        @DefaultValue("2") @DecimalMin("1.0") double growth,
        @DefaultValue("15m") Duration maxWait,
        @DefaultValue("1h") Duration forgetAfter) {
}
