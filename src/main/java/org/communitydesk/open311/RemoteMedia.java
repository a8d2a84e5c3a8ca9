package org.communitydesk.open311;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.communitydesk.common.AppConfig;
import org.communitydesk.common.InvalidRequestProblem;
import org.communitydesk.notification.WebAddresses;
import org.communitydesk.photo.PhotoIntake;
import org.jboss.logging.Logger;

/**
 * A POST's media_url, fetched by the service when its host is one an ADMIN allows ({@link MediaHosts}: the API's
 * list and the setting {@code communitydesk.open311.media-hosts}): http or https, never a loopback or private-range address (unless a
 * test's setting allows it), no redirects (one could lead anywhere), the upload's size limit while reading, and one
 * time limit for the whole fetch. The image then goes through the same checks as an upload.
 */
@ApplicationScoped
class RemoteMedia {

    private static final Logger LOG = Logger.getLogger(RemoteMedia.class);

    /** Closes a body that is still being read when its time is up: the read then fails at once. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "media-url-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    AppConfig config;

    @Inject
    PhotoIntake photos;

    @Inject
    MediaHosts hosts;

    private volatile HttpClient client;

    /** Whether media_url names an allowed host, so that the service fetches it (else it stays text). */
    boolean isFetched(String mediaUrl) {
        URI uri = parse(mediaUrl);
        return uri != null && hosts.allows(uri.getHost());
    }

    /** Fetches, checks and stores the image; a 400 (Open311's format) that says what went wrong otherwise. */
    PhotoIntake.Prepared fetch(String mediaUrl) {
        URI uri = parse(mediaUrl);
        if (uri == null || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw refused("media_url must be an http or https URL.");
        }
        requireOutsideAddress(uri);
        Duration timeout = config.open311().mediaTimeout();
        long max = photos.maxFileSize();
        Path file = null;
        try {
            file = Files.createTempFile("communitydesk-media-", ".part");
            HttpResponse<InputStream> response = client().send(HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Accept", "image/jpeg, image/png, image/webp").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            AtomicBoolean timedOut = new AtomicBoolean();
            ScheduledFuture<?> guard = WATCHDOG.schedule(() -> {
                timedOut.set(true);
                closeQuietly(response.body());
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(file)) {
                if (response.statusCode() != 200) {
                    throw refused("media_url answered HTTP " + response.statusCode() + "; send a URL that serves the image itself.");
                }
                if (response.headers().firstValueAsLong("Content-Length").orElse(0) > max) {
                    throw refused(tooLarge(max));
                }
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    total += read;
                    if (total > max) {
                        throw refused(tooLarge(max));
                    }
                    out.write(buffer, 0, read);
                }
            } catch (IOException e) {
                if (timedOut.get()) {
                    throw refused(slow(timeout));
                }
                throw e;
            } finally {
                guard.cancel(false);
            }
            return photos.prepare(file, "media_url");
        } catch (java.net.http.HttpTimeoutException e) {
            throw refused(slow(timeout));
        } catch (IOException e) {
            LOG.infof("media_url %s could not be fetched: %s", uri.getHost(), e.toString());
            throw refused("media_url could not be fetched from " + uri.getHost() + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused("media_url could not be fetched from " + uri.getHost() + ".");
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warnf("Could not remove the temporary file %s: %s", file, e.getMessage());
                }
            }
        }
    }

    private void requireOutsideAddress(URI uri) {
        if (config.open311().mediaAllowPrivateAddresses()) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (WebAddresses.isInternal(address)) {
                    throw refused("media_url names a loopback or private-range address; it is not fetched.");
                }
            }
        } catch (UnknownHostException e) {
            throw refused("media_url's host " + uri.getHost() + " is not known to DNS.");
        }
    }

    private HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(config.open311().mediaTimeout()).build();
        }
        return client;
    }

    private static URI parse(String mediaUrl) {
        try {
            return Optional.ofNullable(mediaUrl).map(String::strip).filter(u -> !u.isEmpty()).map(URI::create).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String tooLarge(long max) {
        return "media_url's image is larger than " + max / (1024 * 1024) + " MB.";
    }

    private static String slow(Duration timeout) {
        return "media_url took longer than " + timeout.toSeconds() + " s to fetch.";
    }

    private static InvalidRequestProblem refused(String why) {
        return new InvalidRequestProblem("media_url", why);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // The reader sees the failure.
        }
    }
}
