package io.skillbridge.connector;

import io.skillbridge.canonical.mapping.MappingService;
import io.skillbridge.connector.file.DropTemplates;
import io.skillbridge.connector.file.SecretsFunction;
import io.skillbridge.system.Secrets;
import io.skillbridge.demo.SimulatedLearningVendors;
import io.skillbridge.demo.SimulatedVendors;
import io.skillbridge.system.RunRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Loads the connector kinds and the connector files at start, refusing to start on any configuration problem,
 * then creates one Camel route per enabled connector from its kind's template, and resumes runs that a previous
 * process left unfinished.
 */
@Component
public class ConnectorRegistry implements CamelContextConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConnectorRegistry.class);

    private final Map<String, ConnectorKind> kinds;
    private final List<ConnectorInstance> instances;
    private final ConnectorRuntime runtime;
    private final RunRepository runs;
    private final Secrets secrets;
    private final ExecutorService runExecutor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "connector-run");
        t.setDaemon(true);
        return t;
    });

    public ConnectorRegistry(Environment env, MappingService mappings, ConnectorRuntime runtime, RunRepository runs, Secrets secrets,
                             org.springframework.beans.factory.ObjectProvider<SimulatedVendors> demo,
                             org.springframework.beans.factory.ObjectProvider<SimulatedLearningVendors> learningDemo,
                             @Value("${skillbridge.home:.}") String home,
                             @Value("${skillbridge.connectors.dir:}") String connectorsDir,
                             @Value("${skillbridge.scheduling.enabled:true}") boolean scheduling) {
        this.runtime = runtime;
        this.runs = runs;
        this.secrets = secrets;
        // the demo's connector files name the simulated vendors' URL and credentials: they must be up first
        demo.ifAvailable(vendors -> log.info("demo: simulated vendor APIs at {}", vendors.baseUrl()));
        learningDemo.ifAvailable(vendors -> log.info("demo: simulated learning APIs at {}", vendors.baseUrl()));
        this.kinds = ConnectorKinds.load(Path.of(home, "routes", "templates"));
        List<String> templateProblems = kinds.values().stream().flatMap(k -> ConnectorKinds.problems(k).stream()).toList();
        if (!templateProblems.isEmpty()) {
            throw new ConnectorConfigException(templateProblems);
        }
        Path dir = connectorsDir.isBlank() ? Path.of(home, "config", "connectors") : Path.of(connectorsDir);
        this.instances = new ConnectorInstanceLoader(kinds, env, mappings).load(dir);
        runtime.setSchedulingEnabled(scheduling);
        log.info("{} connector kinds, {} connectors ({} enabled) from {}", kinds.size(), instances.size(),
                instances.stream().filter(ConnectorInstance::enabled).count(), dir);
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        camelContext.getPropertiesComponent().addPropertiesFunction(new SecretsFunction(secrets));
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        int interrupted = runs.markInterrupted();
        for (ConnectorInstance i : instances) {
            if (!i.enabled()) {
                continue;
            }
            try {
                if (i.kind().equals(DropTemplates.FILE_DROP) || i.kind().equals(DropTemplates.SFTP_DROP)) {
                    DropTemplates.addRoute(camel, i.kind(), i.parameters());
                } else {
                    TemplatedRouteBuilder.builder(camel, i.kind()).routeId(i.id()).parameters(i.parameters()).add();
                }
            } catch (Exception e) {
                throw new ConnectorConfigException(List.of(i.file() + ": " + e.getMessage()));
            }
            if (runs.checkpoint(i.id()).runId() != null) {
                log.info("connector {}: a run was cut off (of {} interrupted); resuming it", i.id(), interrupted);
                trigger(i.id(), null, "startup");
            }
        }
    }

    /** Stopping interrupts runs under way; each keeps its checkpoint and resumes at the next start. */
    @jakarta.annotation.PreDestroy
    void stop() throws InterruptedException {
        runExecutor.shutdownNow();
        runExecutor.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    public Map<String, ConnectorKind> kinds() {
        return kinds;
    }

    public List<ConnectorInstance> instances() {
        return instances;
    }

    public Optional<ConnectorInstance> instance(String id) {
        return instances.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** Starts a run in the background. */
    public Future<RunResult> trigger(String connectorId, RunMode mode, String trigger) {
        ConnectorRuntime.Runner runner = runtime.runner(connectorId).orElseThrow(() ->
                new IllegalStateException("connector " + connectorId + " cannot be triggered: it is disabled or runs when a file arrives"));
        return runExecutor.submit(() -> runner.run(mode, trigger));
    }
}
