package io.skillbridge.connector;

import io.skillbridge.connector.http.HostPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

@Configuration
class ConnectorConfiguration {

    @Bean
    ConnectorRuntime connectorRuntime() {
        return new ConnectorRuntime();
    }

    /**
     * Connectors may not reach private, loopback or link-local addresses unless configured to: a connector URL is
     * data an operator types, and must not become a way into the hub's own network. The demo's simulated vendors
     * live on loopback, so the demo allows that one host.
     */
    @Bean
    HostPolicy hostPolicy(@Value("${skillbridge.http.allow-private-networks:false}") boolean allowPrivate,
                          @Value("${skillbridge.http.allowed-hosts:}") String allowedHosts,
                          @Value("${skillbridge.demo.enabled:false}") boolean demo) {
        Set<String> hosts = new HashSet<>(Arrays.stream(allowedHosts.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
        if (demo) {
            hosts.add("127.0.0.1");
        }
        return new HostPolicy(allowPrivate, hosts);
    }
}
