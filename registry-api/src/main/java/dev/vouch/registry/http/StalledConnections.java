package dev.vouch.registry.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection that has completed no request's headers, and has none in hand, for a whole period. The
 * idle timeout restarts on every byte, so a client that trickles a request's headers a byte at a time (or sends
 * one header line a minute) held its connection, and a file descriptor, for as long as it liked; enough of them
 * leave the server none to accept with. Once its headers are in, a request is the body deadline's
 * ({@link RequestBody}) and the handler's: a connection with a request in hand, or a response still being
 * written, is left alone. A keep-alive connection that asks nothing more is closed after one to two periods,
 * as the idle timeout would.
 */
final class StalledConnections implements Connection.Listener {

    private final Scheduler scheduler;
    private final long periodMillis;

    private StalledConnections(Scheduler scheduler, Duration period) {
        this.scheduler = scheduler;
        this.periodMillis = period.toMillis();
    }

    /** Watches every connection of {@code server}'s connectors, each period long. */
    static void watch(Server server, Duration period) {
        StalledConnections watcher = new StalledConnections(server.getScheduler(), period);
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                for (Connector connector : server.getConnectors()) {
                    connector.addEventListener(watcher);
                }
            }
        });
    }

    @Override
    public void onOpened(Connection connection) {
        // A connection that counts no requests (one that only upgrades to another protocol) is not watched.
        if (connection.getMessagesIn() >= 0) {
            schedule(connection, connection.getMessagesIn(), connection.getBytesOut());
        }
    }

    private void schedule(Connection connection, long requestsBefore, long bytesOutBefore) {
        scheduler.schedule(
                () -> check(connection, requestsBefore, bytesOutBefore), periodMillis, TimeUnit.MILLISECONDS);
    }

    private void check(Connection connection, long requestsBefore, long bytesOutBefore) {
        if (!connection.getEndPoint().isOpen()) {
            return;
        }
        long requests = connection.getMessagesIn();
        long bytesOut = connection.getBytesOut();
        boolean newRequest = requests > requestsBefore;
        boolean requestInHand = requests > connection.getMessagesOut();
        boolean writing = bytesOut > bytesOutBefore;
        if (newRequest || requestInHand || writing) {
            schedule(connection, requests, bytesOut);
        } else {
            connection.getEndPoint().close();
        }
    }
}
