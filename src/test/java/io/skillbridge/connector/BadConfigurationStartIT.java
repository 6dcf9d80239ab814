package io.skillbridge.connector;

import io.skillbridge.HubHome;
import io.skillbridge.SkillbridgeApplication;
import io.skillbridge.skills.taxonomy.TaxonomyException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hub never runs half-configured: a bad connector or taxonomy file stops the start, naming the file and where in it. */
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

    @Test
    void aTaxonomyWithADuplicateIdStopsTheStartNamingTheLine() {
        HubHome home = new HubHome().write("config/taxonomy/zz-acme.csv", """
                id,label,domain,broader,aliases,related,uri,description
                churn-modeling,Churn Modeling,data,,,,,
                sql,Our SQL,data,,,,,
                """);

        assertThatThrownBy(() -> new SpringApplicationBuilder(SkillbridgeApplication.class).run("--server.port=0",
                "--skillbridge.home=" + home.root(), "--skillbridge.demo.enabled=false",
                "--spring.datasource.url=jdbc:h2:mem:badtaxonomy"))
                .rootCause().isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("zz-acme.csv:3: duplicate skill id 'sql', first declared at skills.csv:");
    }
}
