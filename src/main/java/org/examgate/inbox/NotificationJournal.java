package org.examgate.inbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A local, append-only journal of deliveries that could not reach the database. Each entry is on
 * disk before the delivery is acknowledged; once the database answers again, the entries are
 * replayed in the order they arrived and deleted. The files survive a restart of examgate.
 */
@Component
class NotificationJournal {

    private static final Logger log = LoggerFactory.getLogger(NotificationJournal.class);
    /** Longer than a connection attempt to an absent database (2 s), so a replay in one can finish. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    /** What became of one replayed entry. */
    enum Replayed {
        STORED,
        /** It can never be stored: it is kept in the rejected file and the replay goes on. */
        REJECTED,
        /** Not now: the replay stops here, and this entry is the first of the next one. */
        RETRY_LATER
    }

    @FunctionalInterface
    interface Replayer {
        Replayed replay(JournalEntry entry);
    }

    private final JournalFiles files;
    private final int maxEntries;
    /** Entries written and not yet replayed, across all files. */
    private final AtomicLong depth = new AtomicLong();
    /** Held while appending and while moving the current file aside: there is one writer at a time. */
    private final ReentrantLock writer = new ReentrantLock();
    private final ReentrantLock replaying = new ReentrantLock();
    private FileChannel current;
    private long currentEntries;
    private long nextSequence;
    private boolean closed;
    private volatile boolean closing;
    /** Entries replayed by the replay under way, for its log line. */
    private long replayed;

    NotificationJournal(JournalProperties properties) throws IOException {
        this.files = new JournalFiles(properties.dir());
        this.maxEntries = properties.maxEntries();
        recover();
    }

    /** What a previous run left: a file it was writing is moved aside behind those it had moved already. */
    private void recover() throws IOException {
        files.deleteUnfinishedRewrites();
        List<Path> aside = files.asideFiles();
        nextSequence = aside.isEmpty() ? 1 : JournalFiles.sequence(aside.get(aside.size() - 1)) + 1;
        if (Files.exists(files.current())) {
            moveCurrentAside();
        }
        long entries = 0;
        for (Path file : files.asideFiles()) {
            entries += JournalFiles.countEntries(file);
        }
        depth.set(entries);
        if (entries > 0) {
            log.warn("The notification journal in {} holds {} notifications not yet stored; they are replayed once "
                    + "the database answers", files.dir(), entries);
        }
    }

    long depth() {
        return depth.get();
    }

    int maxEntries() {
        return maxEntries;
    }

    Path dir() {
        return files.dir();
    }

    /**
     * Writes the entry and syncs it to disk before returning, so that the delivery may be acknowledged.
     *
     * @throws JournalUnavailable when the journal is full or closed, or the disk failed
     */
    void append(JournalEntry entry) {
        byte[] line = JournalCodec.line(entry);
        writer.lock();
        try {
            if (closed) {
                throw new JournalUnavailable("the notification journal is closed");
            }
            if (depth.get() >= maxEntries) {
                throw new JournalUnavailable("the notification journal is full (" + maxEntries + " entries)");
            }
            write(line);
            currentEntries++;
            if (depth.getAndIncrement() == 0) {
                log.warn("The database cannot be reached: notifications are kept in the journal in {} until it "
                        + "answers again", files.dir());
            }
        } finally {
            writer.unlock();
        }
    }

    private void write(byte[] line) {
        long end = -1;
        try {
            if (current == null) {
                boolean created = !Files.exists(files.current());
                current = FileChannel.open(files.current(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
                if (created) {
                    files.syncDir();
                }
            }
            end = current.size();
            ByteBuffer bytes = ByteBuffer.wrap(line);
            while (bytes.hasRemaining()) {
                current.write(bytes);
            }
            // One sync per delivery: the acknowledgement that follows is a promise to keep it.
            current.force(false);
        } catch (IOException e) {
            discardPartialWrite(end);
            throw new JournalUnavailable("could not write to the notification journal", e);
        }
    }

    /** A partial line would run into the next entry: it is cut off, or the file is closed and moved aside. */
    private void discardPartialWrite(long end) {
        try {
            if (end >= 0 && current != null && current.isOpen()) {
                current.truncate(end);
                return;
            }
        } catch (IOException e) {
            log.warn("Could not cut an unfinished entry off the notification journal: {}", e.toString());
        }
        try {
            Path aside = moveCurrentAside();
            if (aside != null) {
                // Whatever made it into the file is replayed (or rejected, if unreadable) and so counted.
                depth.addAndGet(JournalFiles.countEntries(aside) - currentEntries);
                currentEntries = 0;
            }
        } catch (IOException e) {
            log.error("Could not move the notification journal's current file aside: {}", e.toString());
        }
    }

    /** Closes the current file and moves it aside (deleting it if empty); the next append starts a new one. */
    private Path moveCurrentAside() throws IOException {
        if (current != null) {
            FileChannel closing = current;
            current = null;
            closing.close();
        }
        currentEntries = 0;
        Path source = files.current();
        if (!Files.exists(source)) {
            return null;
        }
        if (Files.size(source) == 0) {
            Files.delete(source);
            return null;
        }
        Path target = files.aside(nextSequence++);
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        files.syncDir();
        return target;
    }

    /**
     * Replays every entry in the order they arrived, entries appended meanwhile included. Stops at the
     * first entry the replayer cannot take now, keeping it and all after it for the next replay.
     *
     * @return true if the journal is empty now
     */
    boolean replay(Replayer replayer) {
        if (!replaying.tryLock()) {
            return false;
        }
        replayed = 0;
        try {
            while (true) {
                List<Path> aside = files.asideFiles();
                if (aside.isEmpty()) {
                    // The current file only once all older ones are done: an outage then leaves one file
                    // aside, not one per attempt.
                    aside = moveCurrentAsideForReplay();
                }
                if (aside == null) {
                    return false;
                }
                if (aside.isEmpty()) {
                    if (replayed > 0) {
                        log.info("Replayed {} journaled notifications into the database; the journal is empty",
                                replayed);
                    }
                    return true;
                }
                for (Path file : aside) {
                    if (!replayFile(file, replayer)) {
                        if (replayed > 0) {
                            log.info("Replayed {} journaled notifications; {} wait for the next attempt", replayed,
                                    depth.get());
                        }
                        return false;
                    }
                }
            }
        } catch (ClosedByInterruptException e) {
            log.info("Replay of the notification journal interrupted; it resumes later");
            return false;
        } catch (IOException e) {
            log.error("Could not replay the notification journal in {}: {}", files.dir(), e.toString());
            return false;
        } finally {
            replaying.unlock();
        }
    }

    /** The current file moved aside, if it holds entries; null once the journal is closed. */
    private List<Path> moveCurrentAsideForReplay() throws IOException {
        writer.lock();
        try {
            if (closed) {
                return null;
            }
            Path aside = currentEntries > 0 ? moveCurrentAside() : null;
            return aside == null ? List.of() : List.of(aside);
        } finally {
            writer.unlock();
        }
    }

    /** Replays one file and deletes it; true if it got to the end, false if it kept the rest for later. */
    private boolean replayFile(Path file, Replayer replayer) throws IOException {
        // Replayed but still in the file: if the replay stops before the file is rewritten or deleted,
        // these are replayed again next time (harmlessly), so they still count as waiting.
        long stillInFile = 0;
        try (BufferedReader reader = JournalFiles.reader(file)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                if (closing || Thread.currentThread().isInterrupted()) {
                    return false;
                }
                if (replayLine(line, replayer) == Replayed.RETRY_LATER) {
                    if (stillInFile > 0) {
                        files.keepRest(file, line, reader);
                        stillInFile = 0;
                    }
                    return false;
                }
                stillInFile++;
                replayed++;
                depth.decrementAndGet();
            }
            Files.delete(file);
            stillInFile = 0;
            return true;
        } finally {
            depth.addAndGet(stillInFile);
        }
    }

    private Replayed replayLine(String line, Replayer replayer) throws IOException {
        Optional<JournalEntry> entry = JournalCodec.read(line);
        Replayed outcome = entry.map(replayer::replay).orElse(Replayed.REJECTED);
        if (outcome == Replayed.REJECTED) {
            files.reject(line);
            log.error("A journaled notification could not be stored and was moved to {}",
                    files.dir().resolve(JournalFiles.REJECTED));
        }
        return outcome;
    }

    /**
     * Graceful shutdown: every entry is synced already; a replay under way stops after its current
     * entry, the file is closed, and the directory is released for the next start.
     */
    @PreDestroy
    void close() throws IOException, InterruptedException {
        closing = true;
        // Waiting for the replay means no other instance can take the directory while it still writes there.
        boolean replayStopped = replaying.tryLock(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        writer.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (current != null) {
                current.force(false);
                current.close();
                current = null;
            }
            files.close();
        } finally {
            writer.unlock();
            if (replayStopped) {
                replaying.unlock();
            }
        }
    }
}
