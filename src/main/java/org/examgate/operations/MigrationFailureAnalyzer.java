package org.examgate.operations;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * A schema migration that fails at start-up, reported as what went wrong and what to do, instead of
 * Flyway's stack trace. The report names the database without its credentials and never quotes a
 * configured secret: operators paste start-up output into tickets.
 */
class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<FlywayException> {

    private static final String NL = System.lineSeparator();
    /** Flyway's own advice (baseline, repair, its website) is for the developers of migrations, not operators. */
    private static final List<String> FLYWAY_ADVICE = List.of("Either revert", "Need more flexibility",
            "Please remove any half-completed", "Use baseline()", "Validate failed: Migrations have failed validation");

    private final SecretScrubber scrubber;
    private final String database;

    /** The environment is absent when start-up failed before the context existed; no migration ran then. */
    MigrationFailureAnalyzer(Environment environment) {
        this.scrubber = new SecretScrubber(environment);
        this.database = database(environment);
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FlywayException cause) {
        Problem problem = problem(cause);
        String description = "examgate could not migrate the database schema of " + database + ": " + problem.what();
        return new FailureAnalysis(scrubber.scrub(description), problem.action(), cause);
    }

    private record Problem(String what, String action) {
    }

    private Problem problem(FlywayException cause) {
        if (cause instanceof FlywayMigrateException failed) {
            return new Problem("migration " + failed.getMigration().getScript() + " failed" + databaseAnswer(failed)
                    + ".", "PostgreSQL rolled the failed migration back; the ones before it stay applied. Something in "
                    + "the database is in its way (a table, index or type of the same name created outside examgate), or "
                    + "the database user may not create objects (it should own the database). Remove the obstacle or "
                    + "grant the privilege, then start examgate again: it resumes with this migration.");
        }
        if (cause instanceof FlywayValidateException) {
            return new Problem("its schema history (the table flyway_schema_history) does not match the migrations of "
                    + "this version of examgate:" + NL + flywayDetails(cause), "Check that SPRING_DATASOURCE_URL names "
                    + "this examgate's own database. A checksum mismatch means that another build of examgate "
                    + "migrated it, or that the history was edited: start the version that migrated it, or restore "
                    + "the database from a backup. A failed migration in the history must be cleaned up first (its "
                    + "half-applied changes and its row in flyway_schema_history). Do not run Flyway's repair or "
                    + "baseline on examgate's database without knowing which migrations really ran.");
        }
        if (cause.getErrorCode() == CoreErrorCode.NON_EMPTY_SCHEMA_WITHOUT_SCHEMA_HISTORY_TABLE) {
            return new Problem("the database already holds tables but no schema history (flyway_schema_history): "
                    + "it is not an examgate database, or its tables were created outside examgate.",
                    "Give examgate an empty PostgreSQL database of its own (CREATE DATABASE examgate OWNER <its user>) "
                    + "and point SPRING_DATASOURCE_URL at it; examgate creates its tables itself on the first start.");
        }
        return new Problem(flywayDetails(cause), "Check SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and "
                + "SPRING_DATASOURCE_PASSWORD, and that the database user owns the database examgate migrates.");
    }

    /** PostgreSQL's own words (without detail: it may quote values), from the SQL failure under the migration. */
    private static String databaseAnswer(FlywayMigrateException failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && StringUtils.hasText(sql.getMessage())) {
                return ": PostgreSQL answered \"" + sql.getMessage().lines().findFirst().orElse("").strip()
                        + "\" (SQL state " + sql.getSQLState() + ")";
            }
        }
        return "";
    }

    private static String flywayDetails(FlywayException cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().map(String::strip).filter(StringUtils::hasText)
                .filter(line -> FLYWAY_ADVICE.stream().noneMatch(line::startsWith))
                .map(line -> line.replaceFirst("^Validate failed: ", ""))
                .collect(Collectors.joining(NL + "    ", "    ", ""));
    }

    /** The configured database without user, password or parameters, or the embedded one's directory. */
    private static String database(Environment environment) {
        if (environment == null) {
            return "the database";
        }
        String url = environment.getProperty("spring.datasource.url");
        if (!StringUtils.hasText(url)) {
            return "the embedded PostgreSQL in " + environment.getProperty("examgate.embedded-db.dir", "./data/postgres");
        }
        return url.replaceFirst("\\?.*$", "").replaceFirst("//[^/@]*@", "//");
    }
}
