package org.examgate.exam;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.examgate.student.IdentifierKind;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules of each exam, as verification needs them.
 *
 * <p>Read through a short-lived cache: on exam day every verification asks, and a change made on
 * another instance must show within two seconds. Callers asking for the same exam share one read of
 * the database, and a rule older than a second is read again in the background while it is still
 * given out; while the database cannot be reached the last rules read are kept. Otherwise, with the
 * database away, every verification of an exam queued behind the one before it, each waiting the
 * whole connection timeout: 300 students at once left all request threads blocked for minutes.
 */
@Service
public class ExamCatalog implements DisposableBean {

    /** Longer than the connection pool's timeout (2 s), so that an unreachable database is what answers. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

    private static final TypeReference<List<FieldSpec>> LAYOUT = new TypeReference<>() {
    };
    private static final TypeReference<List<IdentifierKind>> KINDS = new TypeReference<>() {
    };

    /** Stands for a request without exam id; no registered exam can have this id (it is not a valid one). */
    private static final String NO_EXAM = "\u0000none";

    private final ExamRepository exams;
    private final ExamProperties properties;
    private final JsonMapper json;
    private final ExecutorService reads = Executors.newFixedThreadPool(2, work -> {
        Thread thread = new Thread(work, "exam-catalog");
        thread.setDaemon(true);
        return thread;
    });
    private final AsyncLoadingCache<String, Optional<ExamPolicy>> policies = Caffeine.newBuilder()
            .refreshAfterWrite(Duration.ofSeconds(1))
            .expireAfterWrite(Duration.ofSeconds(2))
            .maximumSize(10_000)
            .executor(reads)
            .buildAsync(new PolicyReader());

    ExamCatalog(ExamRepository exams, ExamProperties properties, JsonMapper json) {
        this.exams = exams;
        this.properties = properties;
        this.json = json;
    }

    /**
     * The policy for an exam id: its registered rules, the default layout for an unknown exam, or
     * empty when unknown exams are refused.
     *
     * @throws DataAccessException when the database could not be read in time
     */
    public Optional<ExamPolicy> policyFor(String examId) {
        try {
            return policies.get(examId == null ? NO_EXAM : examId)
                    .get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("Could not read an exam's rules", e.getCause());
        } catch (TimeoutException e) {
            throw new QueryTimeoutException("The exam's rules could not be read in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryTimeoutException("Interrupted while reading the exam's rules");
        }
    }

    /** Forgets a cached policy at once, after staff changed the exam on this instance. */
    void forget(String examId) {
        policies.synchronous().invalidate(examId);
    }

    @Override
    public void destroy() {
        reads.shutdownNow();
    }

    private final class PolicyReader implements CacheLoader<String, Optional<ExamPolicy>> {

        @Override
        public Optional<ExamPolicy> load(String examId) {
            return ExamCatalog.this.load(examId);
        }

        /** Keeps the rules last read while the database cannot be reached; the next read tries again. */
        @Override
        public Optional<ExamPolicy> reload(String examId, Optional<ExamPolicy> last) {
            try {
                return load(examId);
            } catch (DataAccessException | TransactionException e) {
                return last;
            }
        }
    }

    private Optional<ExamPolicy> load(String examId) {
        Optional<Exam> exam = NO_EXAM.equals(examId) ? Optional.empty() : exams.findById(examId);
        if (exam.isPresent()) {
            return exam.map(this::policy);
        }
        return properties.unknown() == ExamProperties.UnknownExams.REJECT
                ? Optional.empty()
                : Optional.of(ExamPolicy.unregistered(NO_EXAM.equals(examId) ? null : examId));
    }

    ExamPolicy policy(Exam exam) {
        Map<Integer, FieldKind> layout = layout(exam).stream()
                .collect(Collectors.toMap(FieldSpec::position, FieldSpec::kind));
        return new ExamPolicy(exam.getExamId(), layout, identifierKinds(exam), exam.isRosterRequired(),
                exam.getOpensAt(), exam.getClosesAt(), exam.isActive(), true);
    }

    List<FieldSpec> layout(Exam exam) {
        return json.readValue(exam.getFieldLayout(), LAYOUT);
    }

    Set<IdentifierKind> identifierKinds(Exam exam) {
        List<IdentifierKind> kinds = json.readValue(exam.getIdentifierKinds(), KINDS);
        return kinds.isEmpty() ? EnumSet.noneOf(IdentifierKind.class) : EnumSet.copyOf(kinds);
    }
}
