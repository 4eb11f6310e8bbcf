package dev.vouch.registry.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;

/**
 * Whether the Jetty on the classpath still mixes connections' bytes (a program, not a test): a bare Jetty
 * server with one handler, which answers every request with 404 from a pool thread as {@code CachedReads}
 * did, once declared non-blocking and once blocking, while client threads send pairs of requests: a head
 * too large for Jetty (it answers 431) and a small request, which must get its 404. Under Jetty 12.1.14 the
 * non-blocking handler let small requests get 431s meant for the large heads, or no answer at all: 1–4 in
 * 32,000 pairs, none with the handler blocking. When a Jetty release prints 0 for both, {@code CachedReads}
 * may answer kept reads on the thread that read the request again (about half their CPU).
 *
 * <pre>java -cp … dev.vouch.registry.bench.JettyBufferMix [PAIRS_PER_CLIENT] [CLIENTS]</pre>
 */
public final class JettyBufferMix {

    private static final String OVERSIZED =
            "GET /x HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(64 * 1024) + "\r\nConnection: close\r\n\r\n";
    private static final String SMALL = "OPTIONS /nothing-here HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

    private JettyBufferMix() {}

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        for (InvocationType type : List.of(InvocationType.NON_BLOCKING, InvocationType.BLOCKING)) {
            Server server = server(type);
            server.start();
            try {
                int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
                long started = System.nanoTime();
                int mixed = load(port, pairs, clients);
                System.out.printf(
                        Locale.ROOT,
                        "%-13s %,d of %,d small requests not answered 404 (%.1f s)%n",
                        type,
                        mixed,
                        pairs * clients,
                        (System.nanoTime() - started) / 1e9);
            } finally {
                server.stop();
            }
        }
    }

    private static Server server(InvocationType type) {
        Server server = new Server();
        server.addConnector(new ServerConnector(server));
        server.setHandler(new Handler.Abstract() {
            @Override
            public InvocationType getInvocationType() {
                return type;
            }

            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                getServer().getThreadPool().execute(() -> {
                    response.setStatus(404);
                    response.write(true, ByteBuffer.wrap("nothing here".getBytes(StandardCharsets.UTF_8)), callback);
                });
                return true;
            }
        });
        return server;
    }

    /** How many small requests got anything but their 404. */
    private static int load(int port, int pairs, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                counts.add(pool.submit(() -> {
                    int mixed = 0;
                    for (int i = 0; i < pairs; i++) {
                        statusLine(port, OVERSIZED);
                        mixed += statusLine(port, SMALL).startsWith("HTTP/1.1 404") ? 0 : 1;
                    }
                    return mixed;
                }));
            }
            int mixed = 0;
            for (Future<Integer> count : counts) {
                mixed += count.get();
            }
            return mixed;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The answer's status line, "" if none came (a write or read the server cut off counts as none). */
    private static String statusLine(int port, String head) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            try {
                OutputStream out = socket.getOutputStream();
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException closedMidWrite) {
                // The server may close before a large head is written; its answer may still be there.
            }
            try {
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                int end = answer.indexOf("\r\n");
                return end < 0 ? "" : answer.substring(0, end);
            } catch (IOException noAnswer) {
                return "";
            }
        }
    }
}
