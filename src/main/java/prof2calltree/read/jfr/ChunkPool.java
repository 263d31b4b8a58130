package prof2calltree.read.jfr;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import prof2calltree.TempDirs;
import prof2calltree.read.BadInputException;
import prof2calltree.read.Progress;
import prof2calltree.read.jfr.parse.Workspace;

/**
 * Reads the complete chunks of a recording on up to {@link JfrOptions#parallelism()} threads,
 * and merges their results in file order. Each reading thread reads a chunk into a store of its
 * own, then, once the chunks before it are in, merges that into the recording's store itself:
 * no chunk waits, resolved, for its turn, so memory follows the distinct stacks and the reading
 * threads, not the chunks read. The project's own parser reads each chunk in place; the JDK's
 * reader reads a copy of it, in a file of its own in a private temporary directory that is
 * removed afterwards.
 */
final class ChunkPool {
    /** The merged results of every chunk. */
    record Merged(StackStore store, ReadStats stats) {}

    private final JfrOptions options;
    private final JfrReader.Parser parser;
    private final FileChannel source;
    private final List<ChunkHeader> chunks;
    /** The size of the largest chunk in bytes, which each workspace's array is made for. */
    private final long largest;
    /** The blocks of frames of the stores emptied, for any store to take, the recording's too. */
    private final Queue<int[]> spareBlocks = new ConcurrentLinkedQueue<>();
    /** The recording's stacks, each chunk's added in file order. */
    private final StackStore store = new StackStore(spareBlocks);
    /** Chunks add their stacks to {@link #store} in file order, each in its turn. */
    private final Turns turns = new Turns();
    private final ReadStats stats = new ReadStats();
    private Path directory;

    /**
     * Workspaces of the own parser, free for the next chunk: one per reading thread at most,
     * instead of a new chunk-sized array (tens of megabytes) and tables per chunk for the
     * collector to reclaim.
     */
    private final Deque<Workspace> workspaces = new ConcurrentLinkedDeque<>();
    /**
     * Stores chunks were read into, merged and emptied for the next, for the same reason: one per
     * reading thread, instead of a new one per chunk, tens of megabytes that live as long as the
     * chunk is read and merged, long enough to be promoted and to pile up in the old generation.
     */
    private final Deque<StackStore> spareStores = new ConcurrentLinkedDeque<>();

    private final Progress progress;
    /** How many chunks' counts have been merged, in file order. */
    private int merged;

    ChunkPool(JfrOptions options, JfrReader.Parser parser, FileChannel source, List<ChunkHeader> chunks,
            Progress progress) {
        this.progress = progress;
        this.options = options;
        this.parser = parser;
        this.source = source;
        this.chunks = chunks;
        this.largest = chunks.stream().mapToLong(ChunkHeader::size).max().orElse(0);
    }

    Merged readAll() throws IOException, BadInputException {
        directory = parser == JfrReader.Parser.JDK ? TempDirs.create("prof2calltree-jfr-") : null;
        try {
            if (options.parallelism() == 1 || chunks.size() == 1) {
                for (int i = 0; i < chunks.size(); i++) {
                    merge(readChunk(i));
                }
            } else {
                readInParallel();
            }
        } finally {
            if (directory != null) {
                TempDirs.delete(directory);
            }
        }
        return new Merged(store, stats);
    }

    private void readInParallel() throws IOException, BadInputException {
        int threads = Math.min(options.parallelism(), chunks.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "jfr-chunk-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            // A bounded window of chunks in flight: results are merged in file order as they come.
            Deque<Future<ReadStats>> pending = new ArrayDeque<>();
            int next = 0;
            while (next < chunks.size() || !pending.isEmpty()) {
                while (next < chunks.size() && pending.size() < 2 * threads) {
                    int index = next++;
                    pending.addLast(pool.submit(() -> readChunk(index)));
                }
                merge(await(pending.removeFirst()));
            }
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ReadStats await(Future<ReadStats> future) throws IOException, BadInputException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading chunks");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BadInputException bad) {
                throw bad;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Adds a chunk's counts, the chunk's stacks being in the store already, and reports its bytes. */
    private void merge(ReadStats chunkStats) {
        stats.merge(chunkStats);
        progress.advance(chunks.get(merged++).size());
    }

    /**
     * Reads chunk {@code index} into a store of this thread's, then, once the chunks before it are
     * in, merges that into the recording's store and empties it for the thread's next chunk.
     */
    private ReadStats readChunk(int index) throws IOException, BadInputException {
        StackStore chunkStore = spareStores.pollFirst();
        if (chunkStore == null) {
            chunkStore = new StackStore(spareBlocks);
        }
        boolean done = false;
        try {
            ReadStats chunkStats = read(index, chunkStore);
            turns.await(index);
            store.merge(chunkStore);
            done = true;
            return chunkStats;
        } finally {
            turns.end(index, done);
            chunkStore.reset();
            spareStores.addFirst(chunkStore);
        }
    }

    /** Reads chunk {@code index} in place with the own parser, or else copies it out, reads it and deletes the copy. */
    private ReadStats read(int index, StackStore chunkStore) throws IOException, BadInputException {
        ChunkHeader header = chunks.get(index);
        if (parser == JfrReader.Parser.OWN) {
            Workspace space = workspaces.pollFirst();
            if (space == null) {
                space = new Workspace(largest);
            }
            try {
                return new OwnChunkReader(options, chunks.get(0).startNanos())
                        .read(source, header, space, chunkStore);
            } catch (BadInputException e) {
                throw new BadInputException(cannotRead(header) + e.getMessage(), e);
            } finally {
                workspaces.addFirst(space);
            }
        }
        Path copy = directory.resolve("chunk-" + index + ".jfr");
        ChunkScanner.copy(source, header, copy);
        try {
            return new ChunkReader(options, chunks.get(0).startNanos()).read(copy, chunkStore);
        } catch (IOException e) {
            throw new BadInputException(cannotRead(header) + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static String cannotRead(ChunkHeader header) {
        return "offset " + header.offset() + ": cannot read this chunk (format " + header.major() + "."
                + header.minor() + "): ";
    }
}
