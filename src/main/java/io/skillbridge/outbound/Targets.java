package io.skillbridge.outbound;

import io.skillbridge.canonical.mapping.MappingService;
import io.skillbridge.canonical.Sql;
import io.skillbridge.demo.SimulatedTargets;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every place outbox rows go: the target files, validated at start (a bad file stops the hub, as a bad connector
 * file does), and the webhook subscriptions made through the API.
 */
@Component
public class Targets {

    static final String WEBHOOK_PREFIX = "webhook-";
    /** A subscriber's own key, used as given: unlike a file's {@code secret}, it is never resolved as a reference. */
    static final String SECRET_VALUE = "secretValue";
    private static final Logger log = LoggerFactory.getLogger(Targets.class);

    private final JdbcTemplate jdbc;
    private final List<Target> files;
    private volatile List<Target> subscriptions;

    public Targets(Environment env, MappingService mappings, JdbcTemplate jdbc,
                   ObjectProvider<SimulatedTargets> demo, @Value("${skillbridge.home:.}") String home) {
        this.jdbc = jdbc;
        // the demo's target files name the simulated targets' URL and credentials: they must be up first
        demo.ifAvailable(t -> log.info("demo: simulated write-back targets at {}", t.baseUrl()));
        Path dir = Path.of(home, "config", "targets");
        this.files = new TargetLoader(env, mappings).load(dir);
        reloadSubscriptions();
        log.info("{} outbound targets from {}, {} webhook subscriptions", files.size(), dir, subscriptions.size());
    }

    public List<Target> all() {
        List<Target> all = new ArrayList<>(files);
        all.addAll(subscriptions);
        return all;
    }

    public Optional<Target> find(String id) {
        return all().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** A new subscription; its secret signs every delivery and is never answered back. */
    public long subscribe(String url, Set<String> events, String secret) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("insert into webhook_subscription (url, events, secret, created_at)"
                    + " values (?, ?, ?, ?)", new String[]{"id"});
            ps.setString(1, url);
            ps.setString(2, String.join(",", events));
            ps.setString(3, secret);
            ps.setObject(4, Sql.now());
            return ps;
        }, key);
        reloadSubscriptions();
        return key.getKey().longValue();
    }

    public boolean unsubscribe(long id) {
        boolean removed = jdbc.update("delete from webhook_subscription where id = ?", id) > 0;
        reloadSubscriptions();
        return removed;
    }

    private void reloadSubscriptions() {
        subscriptions = jdbc.query("select id, url, events, secret from webhook_subscription order by id", (rs, n) ->
                new Target(WEBHOOK_PREFIX + rs.getLong(1), Target.Kind.WEBHOOK, null,
                        new LinkedHashSet<>(Arrays.asList(rs.getString(3).split(","))), rs.getString(2), "POST", null,
                        Map.of(SECRET_VALUE, rs.getString(4)), 8, 1000));
    }
}
