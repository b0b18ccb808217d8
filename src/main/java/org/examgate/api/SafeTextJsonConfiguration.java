package org.examgate.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every text value the admin API reads from JSON must be {@link SafeText}; anything else is a 400
 * naming the field, rather than a database error later. Registered with Spring Boot's JSON mapper.
 */
@Configuration(proxyBeanMethods = false)
class SafeTextJsonConfiguration {

    @Bean
    SimpleModule safeTextModule() {
        return new SimpleModule("examgate-safe-text").addDeserializer(String.class, new SafeStringDeserializer());
    }

    private static final class SafeStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (!SafeText.isSafe(value)) {
                throw InvalidFormatException.from(parser, "text with a NUL character or a broken surrogate pair",
                        value, String.class);
            }
            return value;
        }
    }
}
