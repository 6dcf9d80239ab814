package io.skillbridge.xapi.pull;

import io.skillbridge.connector.ConnectorRuntime;
import io.skillbridge.connector.EndpointParameters;
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
 * {@code skillbridge-lrs-pull:<connectorId>?...}: the end of an lrs-pull route, wired like http-pull's endpoint:
 * each scheduler tick runs one pull, and the connector is registered with the {@link ConnectorRuntime} so that runs
 * triggered through the API go the same way.
 */
@Component("skillbridge-lrs-pull")
public class LrsPullComponent extends DefaultComponent {

    private final LrsPull pull;
    private final ConnectorRuntime runtime;

    public LrsPullComponent(LrsPull pull, ConnectorRuntime runtime) {
        this.pull = pull;
        this.runtime = runtime;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        EndpointParameters.Bound<LrsPullSettings> bound = EndpointParameters.bind(remaining, parameters, LrsPullSettings.class);
        ConnectorRuntime.Runner runner = (mode, trigger) -> pull.run(bound.connector(), bound.kind(), trigger);
        runtime.register(remaining, runner);
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
                throw new UnsupportedOperationException("skillbridge-lrs-pull is the end of a route, not its start");
            }
        };
    }
}
