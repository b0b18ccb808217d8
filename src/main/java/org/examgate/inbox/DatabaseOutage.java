package org.examgate.inbox;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;

/**
 * Tells an outage (the database cannot be reached, or not now) from a failure that would happen
 * again: only an outage may be journaled, because only then will the same write succeed later.
 */
@Component
class DatabaseOutage {

    /** Enough for any real chain of wrappers, and an end to a chain that loops. */
    private static final int MAX_CAUSES = 16;

    private final JdbcClient jdbc;

    DatabaseOutage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the database being out of reach explains this failure. */
    boolean explains(RuntimeException failure) {
        if (isOutage(failure)) {
            return true;
        }
        // A statement cut off by a stopping server may surface as the failed rollback that followed
        // it, on a connection already closed, with nothing to go by: the database itself is asked.
        boolean unclear = failure instanceof UncategorizedDataAccessException
                || failure instanceof TransactionException;
        return unclear && !answers();
    }

    /** An outage by the failure alone: its type, or the JDBC failure underneath. */
    static boolean isOutage(Throwable failure) {
        if (failure instanceof DataAccessResourceFailureException || failure instanceof CannotCreateTransactionException
                || failure instanceof TransientDataAccessException) {
            return true;
        }
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private boolean answers() {
        try {
            return jdbc.sql("select 1").query(Integer.class).single() == 1;
        } catch (DataAccessException e) {
            return false;
        }
    }

    /** SQL states 08 (connection exception) and 57P (server shutting down, or not yet accepting connections). */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }
}
