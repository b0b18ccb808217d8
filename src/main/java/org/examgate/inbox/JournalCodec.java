package org.examgate.inbox;

import java.util.Arrays;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One journal entry as one line of JSON. A mapper of its own rather than the application's: that one
 * refuses text with NUL characters or broken surrogates, which a payload may hold and the journal
 * must give back exactly as it was given. JSON escapes line breaks, so an entry never spans lines.
 */
final class JournalCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JournalCodec() {
    }

    static byte[] line(JournalEntry entry) {
        byte[] json = JSON.writeValueAsBytes(entry);
        byte[] line = Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        return line;
    }

    /** The entry on this line, or empty if the line is not one (a write cut short by a crash). */
    static Optional<JournalEntry> read(String line) {
        try {
            JournalEntry entry = JSON.readValue(line, JournalEntry.class);
            boolean complete = entry != null && entry.event() != null && entry.payload() != null
                    && entry.receivedAt() != null;
            return complete ? Optional.of(entry) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
