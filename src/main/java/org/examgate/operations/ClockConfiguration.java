package org.examgate.operations;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole application, in UTC, so that tests can pin time where they need to. It ticks
 * in microseconds, PostgreSQL's timestamp precision, so that a time answered at once is the time
 * stored and read back later.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
