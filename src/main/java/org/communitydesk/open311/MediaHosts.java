package org.communitydesk.open311;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.communitydesk.common.AppConfig;
import org.communitydesk.common.ConflictProblem;
import org.communitydesk.common.NotFoundProblem;
import org.communitydesk.open311.MediaHostViews.MediaHostView;
import org.jboss.logging.Logger;

/**
 * The hosts whose media_url the service fetches: those an ADMIN allowed (table open311_media_host) and those of the
 * setting communitydesk.open311.media-hosts, which stays a fixed part for installations that set it. Read from the
 * database at every check, with no cache: a media_url is rare, and a change then holds on every instance at once.
 */
@ApplicationScoped
@Transactional
public class MediaHosts {

    private static final Logger LOG = Logger.getLogger(MediaHosts.class);

    @Inject
    AppConfig config;

    @Inject
    Clock clock;

    /** Whether media_url may be fetched from this host (as a URL names it). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean allows(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        return setting().contains(name) || MediaHost.findById(name) != null;
    }

    /** Every allowed host, the setting's first, then the ADMIN's by name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MediaHostView> list() {
        List<String> setting = setting();
        List<MediaHostView> hosts = new ArrayList<>();
        setting.forEach(h -> hosts.add(MediaHostView.ofSetting(h)));
        MediaHost.<MediaHost>list("order by host").stream().filter(h -> !setting.contains(h.host))
                .forEach(h -> hosts.add(MediaHostView.of(h)));
        return hosts;
    }

    /** Allows a host; a 409 when it is allowed already (by an ADMIN or the setting). */
    public MediaHostView allow(String given, String actor) {
        String host = MediaHost.normalize(given);
        if (setting().contains(host)) {
            throw new ConflictProblem("'" + host + "' is allowed already, by the setting communitydesk.open311.media-hosts.");
        }
        if (MediaHost.findById(host) != null) {
            throw new ConflictProblem("'" + host + "' is allowed already.");
        }
        MediaHost allowed = MediaHost.allow(host, actor, clock.instant());
        allowed.persist();
        LOG.infof("Open311 media_url host %s allowed by %s", host, actor);
        return MediaHostView.of(allowed);
    }

    /** Stops fetching from a host an ADMIN allowed; the setting's hosts are removed from the setting. */
    public void remove(String given, String actor) {
        String host = MediaHost.normalize(given);
        MediaHost allowed = MediaHost.findById(host);
        if (allowed == null) {
            if (setting().contains(host)) {
                throw new ConflictProblem("'" + host + "' comes from the setting communitydesk.open311.media-hosts: "
                        + "remove it there and restart the service.");
            }
            throw new NotFoundProblem("media host", host);
        }
        allowed.delete();
        LOG.infof("Open311 media_url host %s removed by %s", host, actor);
    }

    private List<String> setting() {
        return config.open311().mediaHosts().orElse(List.of()).stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).distinct().toList();
    }
}
