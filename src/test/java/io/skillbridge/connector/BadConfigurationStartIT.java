package io.skillbridge.connector;

import io.skillbridge.HubHome;
import io.skillbridge.SkillbridgeApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hub never runs half-configured: a bad connector file stops the start, naming the file and the parameter. */
class BadConfigurationStartIT {

    @Test
    void aConnectorFileMissingARequiredParameterStopsTheStart() {
        HubHome home = new HubHome().write("config/connectors/half-done.yaml", """
                kind: http-pull
                parameters:
                  system: acme
                  mapping: workday/rest-worker.jsonata
                """);

        assertThatThrownBy(() -> new SpringApplicationBuilder(SkillbridgeApplication.class).run("--server.port=0",
                "--skillbridge.home=" + home.root(), "--skillbridge.demo.enabled=false",
                "--spring.datasource.url=jdbc:h2:mem:badconfig"))
                .rootCause().isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("half-done.yaml: parameter 'baseUrl' is required by http-pull");
    }
}
