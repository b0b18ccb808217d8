package org.examgate.inbox;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The journal's directory: {@code current.jsonl} takes new entries; it is moved aside as
 * {@code replay-<sequence>.jsonl} to be replayed (in sequence order) and then deleted; entries that
 * can never be stored are kept in {@code rejected.jsonl} for an operator to look at. The directory is
 * locked while examgate runs: two instances sharing one would replay, and delete, each other's files.
 */
final class JournalFiles implements AutoCloseable {

    static final String CURRENT = "current.jsonl";
    static final String REJECTED = "rejected.jsonl";
    static final String LOCK = "journal.lock";
    private static final Pattern ASIDE = Pattern.compile("replay-(\\d{19})\\.jsonl");
    private static final String TEMPORARY = ".tmp";

    private final Path dir;
    private final FileChannel lockFile;

    JournalFiles(Path dir) throws IOException {
        this.dir = dir.toAbsolutePath().normalize();
        Files.createDirectories(this.dir);
        this.lockFile = FileChannel.open(this.dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockFile.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockFile.close();
            throw new IllegalStateException("The notification journal in " + this.dir + " is in use by another "
                    + "examgate instance; give each instance a directory of its own (EXAMGATE_JOURNAL_DIR)");
        }
    }

    /** Releases the directory (closing the channel releases its lock). */
    @Override
    public void close() throws IOException {
        lockFile.close();
    }

    Path dir() {
        return dir;
    }

    Path current() {
        return dir.resolve(CURRENT);
    }

    Path aside(long sequence) {
        return dir.resolve(String.format("replay-%019d.jsonl", sequence));
    }

    /** The files moved aside, oldest first. */
    List<Path> asideFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> ASIDE.matcher(file.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(JournalFiles::sequence))
                    .toList();
        }
    }

    static long sequence(Path aside) {
        Matcher matcher = ASIDE.matcher(aside.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a journal file: " + aside);
        }
        return Long.parseLong(matcher.group(1));
    }

    /** A rewrite cut short by a crash: the file it was to replace is still whole. */
    void deleteUnfinishedRewrites() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(file -> file.getFileName().toString().endsWith(TEMPORARY)).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    static BufferedReader reader(Path file) throws IOException {
        // A decoder that replaces malformed bytes: a line cut short by a crash is then merely unreadable.
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8));
    }

    /** The entries in a file: its non-blank lines, the last one perhaps unfinished. */
    static long countEntries(Path file) throws IOException {
        try (BufferedReader reader = reader(file)) {
            return reader.lines().filter(line -> !line.isBlank()).count();
        }
    }

    /**
     * Replaces {@code file} with {@code first} and the lines still unread in {@code rest}: written
     * beside it, synced, then renamed over it, so that a crash leaves either the old file or the new.
     */
    void keepRest(Path file, String first, BufferedReader rest) throws IOException {
        Path rewrite = file.resolveSibling(file.getFileName() + TEMPORARY);
        try (FileChannel channel = FileChannel.open(rewrite, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            // Flushed, not closed: the channel is synced before it closes.
            BufferedWriter writer = new BufferedWriter(
                    new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8));
            writer.write(first);
            writer.write('\n');
            String line;
            while ((line = rest.readLine()) != null) {
                writer.write(line);
                writer.write('\n');
            }
            writer.flush();
            channel.force(false);
        }
        Files.move(rewrite, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDir();
    }

    /** Appends a line that can never be stored to the rejected file, synced. */
    void reject(String line) throws IOException {
        try (FileChannel channel = FileChannel.open(dir.resolve(REJECTED), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        }
    }

    /** Makes files created, renamed or deleted in the directory durable, where the platform allows it. */
    void syncDir() {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not every platform can open a directory (Windows cannot); each file's own data is synced regardless.
        }
    }
}
