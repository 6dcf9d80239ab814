package io.skillbridge.connector.http;

import io.skillbridge.connector.ConnectorRuntime;
import io.skillbridge.connector.ConnectorSettings;
import io.skillbridge.connector.EndpointParameters;
import io.skillbridge.connector.PageSource;
import io.skillbridge.connector.RunMode;
import io.skillbridge.connector.SyncService;
import io.skillbridge.system.Secrets;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code skillbridge-pull:<connectorId>?...}: the end of an http-pull route. Each message (a scheduler tick) runs
 * one sync of the connector through the {@link SyncService}; the endpoint also registers the connector with the
 * {@link ConnectorRuntime}, so runs triggered through the API go the same way.
 */
@Component("skillbridge-pull")
public class HttpPullComponent extends DefaultComponent {

    /** How long a scheduled run waits for the connectors named in runAfter before it runs anyway. */
    private static final Duration PREDECESSOR_WAIT = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(HttpPullComponent.class);

    private final SyncService sync;
    private final ConnectorRuntime runtime;
    private final Secrets secrets;
    private final HostPolicy hostPolicy;

    public HttpPullComponent(SyncService sync, ConnectorRuntime runtime, Secrets secrets, HostPolicy hostPolicy) {
        this.sync = sync;
        this.runtime = runtime;
        this.secrets = secrets;
        this.hostPolicy = hostPolicy;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        EndpointParameters.Bound<HttpPullSettings> bound = EndpointParameters.bind(remaining, parameters, HttpPullSettings.class);
        ConnectorSettings connector = bound.connector();
        HttpPullSettings http = bound.kind();
        HttpPageSource pages = new HttpPageSource(http, secrets::resolve, hostPolicy);
        String initial = http.getInitialCursor() == null || http.getInitialCursor().isBlank() ? null : http.getInitialCursor();
        PageSource source = initial == null ? pages : (state, cursor) -> pages.fetch(state, cursor != null ? cursor : initial);
        // A source that cannot filter by a cursor is always read whole.
        RunMode defaultMode = http.getIncrementalParam() == null || http.getIncrementalParam().isBlank() ? RunMode.FULL : null;
        ConnectorRuntime.Runner runner = (mode, trigger) -> sync.run(connector, source, mode != null ? mode : defaultMode, trigger);
        runtime.register(connector.getConnectorId(), runner);
        return new DefaultEndpoint(uri, this) {
            @Override
            public Producer createProducer() {
                return new DefaultProducer(this) {
                    @Override
                    public void process(Exchange exchange) throws InterruptedException {
                        if (runtime.isSchedulingEnabled()) {
                            awaitPredecessors(connector.getConnectorId(), http.runAfterConnectors());
                            // through the runtime, so that connectors waiting for this one hear of its run
                            exchange.getMessage().setBody(runtime.runner(connector.getConnectorId()).orElse(runner)
                                    .run(null, "schedule"));
                        }
                    }
                };
            }

            private void awaitPredecessors(String connectorId, List<String> predecessors) throws InterruptedException {
                if (!predecessors.isEmpty()) {
                    List<String> late = runtime.awaitFirstRuns(predecessors, PREDECESSOR_WAIT);
                    if (!late.isEmpty()) {
                        log.warn("connector {}: runs without waiting any longer for {}", connectorId, late);
                    }
                }
            }

            @Override
            public Consumer createConsumer(Processor processor) {
                throw new UnsupportedOperationException("skillbridge-pull is the end of a route, not its start");
            }
        };
    }
}
