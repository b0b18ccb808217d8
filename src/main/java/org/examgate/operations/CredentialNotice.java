package org.examgate.operations;

import java.io.PrintStream;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Shows credentials that examgate generated for a first run. They go to the console once, never to
 * the log: the operator copies them now or creates new ones through the admin API later.
 */
@Component
public class CredentialNotice {

    private final PrintStream console;

    CredentialNotice() {
        this(System.out);
    }

    CredentialNotice(PrintStream console) {
        this.console = console;
    }

    public void show(String title, Map<String, String> values, String advice) {
        StringBuilder text = new StringBuilder("\n")
                .append("=".repeat(78)).append('\n')
                .append(' ').append(title).append('\n')
                .append("-".repeat(78)).append('\n');
        values.forEach((name, value) -> text.append(String.format("   %-16s %s%n", name, value)));
        text.append("-".repeat(78)).append('\n')
                .append(' ').append(advice).append('\n')
                .append("=".repeat(78)).append('\n');
        console.print(text);
        console.flush();
    }
}
