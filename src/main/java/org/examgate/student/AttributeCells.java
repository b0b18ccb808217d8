package org.examgate.student;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Attributes as CSV cells. An export writes a string as it is and any other JSON value (number,
 * boolean, object) as its JSON text; an import that finds the same text keeps the stored value, so
 * that a level of 200 stays a number through export and import.
 */
@Component
class AttributeCells {

    private static final TypeReference<LinkedHashMap<String, Object>> ATTRIBUTES = new TypeReference<>() {
    };

    private final JsonMapper json;

    AttributeCells(JsonMapper json) {
        this.json = json;
    }

    String cell(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof String text ? text : json.writeValueAsString(value);
    }

    Map<String, Object> parse(String attributesJson) {
        return json.readValue(attributesJson, ATTRIBUTES);
    }

    String toJson(Map<String, Object> attributes) {
        return json.writeValueAsString(attributes);
    }
}
