package dev.vouch.registry.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator light enough not to compete with the server it measures: keep-alive HTTP/1.1
 * connections over non-blocking sockets, each request written as bytes by one pacing thread at the moment
 * it is due, and every answer read by one selector thread into a single buffer and dropped as it arrives,
 * framed by its {@code Content-Length} or chunked encoding. Nothing of an answer's size is kept or made.
 *
 * <p>The JDK's HTTP client, which the benchmark used before, spent about 1 ms of CPU per 150 KB answer (a
 * thread pool's hand-offs, its own selector, the body collected as an array) on the same two cores as the
 * registry: as much as the registry spent making the answer. What a request waits for here is the server.
 *
 * <p>Honest as an open loop must be: latency runs from when a request was due, not when it was sent, so a
 * stalled server (or a late client) is counted, not hidden; a request that fails (an error status, a
 * connection lost, no answer within the drain time) counts as slower than any that succeeded. A request
 * finding every open connection busy opens another, up to {@link #MAX_CONNECTIONS}; beyond that it waits
 * for one, its clock running.
 */
final class RawOpenLoop implements AutoCloseable {

    /** As many requests in flight as the JDK client's pool of 64 threads allowed. */
    static final int MAX_CONNECTIONS = 64;

    private static final int WARM_CONNECTIONS = 4;
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final InetSocketAddress address;
    private final String host;
    private final Selector selector;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Connection> opened = new ConcurrentLinkedQueue<>();
    private final List<Connection> all = new ArrayList<>();
    private final Thread reader;
    private final ByteBuffer in = ByteBuffer.allocateDirect(256 * 1024);
    private volatile Load load;
    private volatile boolean closed;

    private RawOpenLoop(InetSocketAddress address) throws IOException {
        this.address = address;
        this.host = address.getHostString() + ":" + address.getPort();
        this.selector = Selector.open();
        this.reader = new Thread(this::readLoop, "raw-open-loop-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** A client for the host and port of {@code url}; each load opens a few connections before it starts. */
    static RawOpenLoop to(String url) throws IOException {
        URI uri = URI.create(url);
        return new RawOpenLoop(new InetSocketAddress(uri.getHost(), uri.getPort()));
    }

    /**
     * Sends {@code GET url&nocache=N} (N from {@code firstNocache} up) at {@code rate} a second for {@code
     * seconds}, and returns the latencies, from each request's due time, with failures as slower than all.
     */
    ReadBenchmark.Result run(String url, long firstNocache, int rate, int seconds)
            throws IOException, InterruptedException {
        URI uri = URI.create(url);
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "?" : "?" + uri.getRawQuery() + "&");
        byte[] head = ("GET " + target + "nocache=").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = (" HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: vouch-read-benchmark\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        int total = rate * seconds;
        refresh();
        Load current = new Load(total);
        load = current;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        ByteBuffer request = ByteBuffer.allocate(head.length + 20 + tail.length);
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            // parkNanos, not sleep: Thread.sleep rounds up to whole milliseconds on Java 17, which would send
            // a request up to a millisecond after it was due and count that against the server.
            for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(wait);
            }
            Connection connection;
            try {
                connection = free(due);
            } catch (IOException | IllegalStateException refused) {
                // A connection the server does not accept, or none free for 30 s, fails this request, as any
                // other failure.
                current.done(i, 0, false);
                continue;
            }
            request.clear();
            request.put(head)
                    .put(Long.toString(firstNocache + i).getBytes(StandardCharsets.US_ASCII))
                    .put(tail);
            request.flip();
            connection.send(i, due, request);
        }
        long deadline = System.nanoTime() + DRAIN_NANOS;
        while (current.finished.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        load = null;
        return current.result(seconds);
    }

    /**
     * Closes the idle connections and opens a few fresh ones: one left idle longer than the server's idle
     * timeout since the last load may be closing just as a request is written on it, which would count as
     * the server's failure.
     */
    private void refresh() throws IOException {
        for (Connection connection; (connection = idle.poll()) != null; ) {
            connection.channel.close();
        }
        all.removeIf(connection -> !connection.channel.isOpen());
        for (int i = 0; i < WARM_CONNECTIONS; i++) {
            idle.add(connect());
        }
    }

    /** An idle connection, or a new one while fewer than the maximum are open, else the first to free up. */
    private Connection free(long due) throws IOException {
        while (true) {
            Connection connection = idle.poll();
            if (connection != null && connection.channel.isOpen()) {
                return connection;
            }
            if (connection == null && all.size() >= MAX_CONNECTIONS) {
                all.removeIf(lost -> !lost.channel.isOpen());
            }
            if (connection == null && all.size() < MAX_CONNECTIONS) {
                return connect();
            }
            if (System.nanoTime() - due > DRAIN_NANOS) {
                throw new IllegalStateException("no connection came free in 30 s");
            }
            if (connection == null) {
                LockSupport.parkNanos(100_000);
            } else {
                all.remove(connection);
            }
        }
    }

    private Connection connect() throws IOException {
        SocketChannel channel = SocketChannel.open(address);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(false);
        Connection connection = new Connection(channel);
        all.add(connection);
        opened.add(connection);
        selector.wakeup();
        return connection;
    }

    private void readLoop() {
        try {
            while (!closed) {
                selector.select();
                for (Connection connection; (connection = opened.poll()) != null; ) {
                    connection.channel.register(selector, SelectionKey.OP_READ, connection);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    ((Connection) key.attachment()).readable(key);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                System.err.println("raw open loop reader stopped: " + e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        selector.wakeup();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Connection connection : all) {
            connection.channel.close();
        }
        selector.close();
    }

    /** One load's latencies, written by the reader, read when the load is over. */
    private static final class Load {
        final long[] latencies;
        final AtomicInteger finished = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();

        Load(int total) {
            latencies = new long[total];
            Arrays.fill(latencies, Long.MAX_VALUE);
        }

        void done(int index, long latency, boolean ok) {
            if (ok) {
                latencies[index] = latency;
            } else {
                failed.incrementAndGet();
            }
            finished.incrementAndGet();
        }

        ReadBenchmark.Result result(int seconds) {
            int unanswered = latencies.length - finished.get();
            if (failed.get() + unanswered > 0) {
                System.err.printf(
                        Locale.ROOT,
                        "  %d of %d requests failed and %d were not answered within 30 s: counted as slower than all%n",
                        failed.get(),
                        latencies.length,
                        unanswered);
            }
            // Every request counts, at its due time's latency; a failed one as Long.MAX_VALUE (sorted last).
            return ReadBenchmark.Result.of(latencies, latencies.length, seconds, finished.get() - failed.get());
        }
    }

    /** One keep-alive connection and the answer it is reading: at most one request in flight. */
    private final class Connection {
        private static final int STATUS = 0;
        private static final int HEADERS = 1;
        private static final int BODY = 2;
        private static final int CHUNK_SIZE = 3;
        private static final int CHUNK_DATA = 4;
        private static final int CHUNK_END = 5;
        private static final int TRAILERS = 6;

        final SocketChannel channel;
        private final StringBuilder line = new StringBuilder();
        /** The request in flight, or -1: the pacing and the reading thread may both end it, only one does. */
        private final AtomicInteger index = new AtomicInteger(-1);

        private volatile long due;
        private Load owner;
        private int state;
        private int status;
        private long remaining;
        private boolean chunked;
        private boolean closeAfter;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        /** Written by the pacing thread; the fields it sets are volatile, so the reader sees them first. */
        void send(int request, long dueAt, ByteBuffer bytes) throws IOException {
            due = dueAt;
            owner = load;
            index.set(request);
            try {
                while (bytes.hasRemaining()) {
                    // A request is a few hundred bytes and the socket's buffer empty: this never spins.
                    channel.write(bytes);
                }
            } catch (IOException e) {
                finish(false);
                channel.close();
            }
        }

        void readable(SelectionKey key) {
            try {
                in.clear();
                int read = channel.read(in);
                if (read < 0) {
                    key.cancel();
                    channel.close();
                    if (index.get() >= 0) {
                        finish(false);
                    }
                    return;
                }
                in.flip();
                parse();
            } catch (IOException | RuntimeException e) {
                key.cancel();
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // Closing a connection already lost.
                }
                if (index.get() >= 0) {
                    finish(false);
                }
            }
        }

        private void parse() throws IOException {
            while (in.hasRemaining()) {
                switch (state) {
                    case BODY, CHUNK_DATA -> {
                        int skip = (int) Math.min(remaining, in.remaining());
                        in.position(in.position() + skip);
                        remaining -= skip;
                        if (remaining == 0) {
                            if (state == BODY) {
                                complete();
                            } else {
                                state = CHUNK_END;
                            }
                        }
                    }
                    default -> {
                        if (readLine()) {
                            onLine(line.toString());
                            line.setLength(0);
                        }
                    }
                }
            }
        }

        /** Reads up to the end of a line; true when it ended (without its CRLF). */
        private boolean readLine() {
            while (in.hasRemaining()) {
                char c = (char) (in.get() & 0xff);
                if (c == '\n') {
                    if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
                        line.setLength(line.length() - 1);
                    }
                    return true;
                }
                line.append(c);
            }
            return false;
        }

        private void onLine(String text) throws IOException {
            switch (state) {
                case STATUS -> {
                    if (!text.startsWith("HTTP/1.1 ") || text.length() < 12) {
                        throw new IOException("not an HTTP/1.1 status line: " + text);
                    }
                    status = Integer.parseInt(text.substring(9, 12));
                    remaining = 0;
                    chunked = false;
                    closeAfter = false;
                    state = HEADERS;
                }
                case HEADERS -> {
                    if (text.isEmpty()) {
                        state = chunked ? CHUNK_SIZE : BODY;
                        if (!chunked && remaining == 0) {
                            complete();
                        }
                        return;
                    }
                    int colon = text.indexOf(':');
                    String name = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    String value = text.substring(colon + 1).trim();
                    switch (name) {
                        case "content-length" -> remaining = Long.parseLong(value);
                        case "transfer-encoding" ->
                            chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                        case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                        default -> {
                            // Other headers do not frame the answer.
                        }
                    }
                }
                case CHUNK_SIZE -> {
                    int extension = text.indexOf(';');
                    remaining = Long.parseLong((extension < 0 ? text : text.substring(0, extension)).trim(), 16);
                    state = remaining == 0 ? TRAILERS : CHUNK_DATA;
                }
                case CHUNK_END -> state = CHUNK_SIZE;
                case TRAILERS -> {
                    if (text.isEmpty()) {
                        complete();
                    }
                }
                default -> throw new IllegalStateException("line in state " + state);
            }
        }

        private void complete() throws IOException {
            state = STATUS;
            finish(status == 200);
            if (closeAfter) {
                channel.close();
            } else {
                idle.add(this);
            }
        }

        private void finish(boolean ok) {
            int request = index.getAndSet(-1);
            if (owner != null && request >= 0) {
                owner.done(request, System.nanoTime() - due, ok);
            }
        }
    }
}
