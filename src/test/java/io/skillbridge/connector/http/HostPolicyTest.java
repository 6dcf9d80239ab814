package io.skillbridge.connector.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostPolicyTest {

    private final HostPolicy strict = new HostPolicy(false, Set.of());

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://localhost:8080/x", "http://10.1.2.3/", "http://172.16.0.1/",
            "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/", "http://[::1]/",
            "http://[fe80::1]/", "http://[fd12:3456::1]/"})
    void privateAddressesAreRefusedWithHowToAllowThem(String url) {
        assertThatThrownBy(() -> strict.check(url))
                .isInstanceOf(HostPolicy.HostRefusedException.class)
                .hasMessageContaining("skillbridge.http.allowed-hosts")
                .hasMessageContaining("skillbridge.http.allow-private-networks");
    }

    @Test
    void theMessageNamesTheHost() {
        assertThatThrownBy(() -> strict.check("http://169.254.169.254/latest"))
                .hasMessageContaining("Refused host 169.254.169.254");
    }

    @Test
    void publicAddressesAreAllowed() {
        assertThatCode(() -> strict.check("https://93.184.215.14/api")).doesNotThrowAnyException();
        assertThatCode(() -> strict.check("https://[2606:4700::1111]/")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.com/x", "gopher://localhost:6379/_", "no-scheme"})
    void onlyHttpAndHttpsAreAllowedEvenWhenPermissive(String url) {
        assertThatThrownBy(() -> HostPolicy.permissive().check(url))
                .isInstanceOf(HostPolicy.HostRefusedException.class)
                .hasMessageContaining("only http and https");
    }

    @Test
    void aRefusedUrlsCredentialsAreNotRepeated() {
        assertThatThrownBy(() -> strict.check("ftp://user:hunter22@example.com/"))
                .hasMessageNotContaining("hunter22");
    }

    @Test
    void allowedHostsAndPrivateNetworksOptOut() throws IOException {
        new HostPolicy(false, Set.of(" LocalHost ")).check("http://localhost:9000/");
        new HostPolicy(true, Set.of()).check("http://10.0.0.5/");
        assertThatThrownBy(() -> new HostPolicy(false, Set.of("localhost")).check("http://127.0.0.1/"))
                .isInstanceOf(HostPolicy.HostRefusedException.class);
    }
}
