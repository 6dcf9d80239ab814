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
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * {@code skillbridge-pull:<connectorId>?...}: the end of an http-pull route. Each message (a scheduler tick) runs
 * one sync of the connector through the {@link SyncService}; the endpoint also registers the connector with the
 * {@link ConnectorRuntime}, so runs triggered through the API go the same way.
 */
@Component("skillbridge-pull")
public class HttpPullComponent extends DefaultComponent {

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
                    public void process(Exchange exchange) {
                        if (runtime.isSchedulingEnabled()) {
                            exchange.getMessage().setBody(runner.run(null, "schedule"));
                        }
                    }
                };
            }

            @Override
            public Consumer createConsumer(Processor processor) {
                throw new UnsupportedOperationException("skillbridge-pull is the end of a route, not its start");
            }
        };
    }
}
