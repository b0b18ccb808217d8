# examgate as a container image: built from source with the Maven wrapper, run on a JRE as a
# non-root user under the prod profile. docker-compose.yml beside this file runs it with PostgreSQL.

# ---- build --------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace

# The wrapper, the build file and every dependency first: a change to the sources alone does not
# download Maven or the dependencies again.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN chmod +x mvnw && ./mvnw -B dependency:go-offline

# The sources and the Flyway migrations (db/migration travels inside the jar).
COPY src/ src/
COPY db/ db/
RUN ./mvnw -B -DskipTests package

# ---- run ----------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

# A fixed, non-root uid, so that volumes and security policies can name it. The notification
# journal's directory exists in the image, owned by that user, so that a volume mounted there
# starts out writable by it.
RUN groupadd --system --gid 10001 examgate \
    && useradd --system --no-log-init --uid 10001 --gid examgate --home-dir /app --shell /usr/sbin/nologin examgate \
    && mkdir -p /app/data/journal \
    && chown -R examgate:examgate /app
WORKDIR /app

COPY --from=build /workspace/target/examgate.jar /app/examgate.jar
# Heap, collector and the priority of the hash threads (see the comments in the file). To change
# them, mount a file of your own over /app/jvm.options.
COPY jvm.options /app/jvm.options

# prod refuses to start without SPRING_DATASOURCE_URL, EXAMGATE_WEBHOOK_CLIENT_ID/_SECRET and
# EXAMGATE_ADMIN_USERNAME/_PASSWORD: nothing is embedded or generated in a container.
ENV SPRING_PROFILES_ACTIVE=prod \
    SERVER_PORT=8080 \
    EXAMGATE_JOURNAL_DIR=/app/data/journal
# Notifications acknowledged while the database is away wait here until it is back: keep it on a volume.
VOLUME ["/app/data/journal"]

USER 10001:10001
EXPOSE 8080

# curl comes with the eclipse-temurin images; the health endpoint needs no credentials.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS -o /dev/null "http://localhost:${SERVER_PORT:-8080}/actuator/health" || exit 1

# exec form: the JVM is PID 1 and receives SIGTERM, so `docker stop` shuts examgate down gracefully.
ENTRYPOINT ["java", "@/app/jvm.options", "-jar", "/app/examgate.jar"]
