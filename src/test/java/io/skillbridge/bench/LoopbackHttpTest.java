package io.skillbridge.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmarks' load generator against the JDK's own HTTP server: bodies read by Content-Length and by chunks,
 * requests sent whole with their headers, one connection kept for many exchanges and a new one after the server
 * closes it.
 */
class LoopbackHttpTest {

    HttpServer server;
    /** Per exchange: the client's port (which connection it came on), method, header and body as received. */
    final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/length", x -> answer(x, 200, "fixed length", false));
        // a length of 0 makes the JDK's server send the body in chunks
        server.createContext("/chunked", x -> answer(x, 201, "x".repeat(20_000), true));
        server.createContext("/closing", x -> {
            x.getResponseHeaders().add("Connection", "close");
            answer(x, 200, "bye", false);
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange x, int status, String body, boolean chunked) throws IOException {
        byte[] request = x.getRequestBody().readAllBytes();
        seen.add(x.getRemoteAddress().getPort() + " " + x.getRequestMethod() + " "
                + x.getRequestHeaders().getFirst("Authorization") + " " + new String(request, StandardCharsets.UTF_8));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, chunked ? 0 : bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void readsBodiesByLengthAndByChunksOnOneKeptConnection() throws IOException {
        try (LoopbackHttp http = new LoopbackHttp(server.getAddress().getPort(), "Authorization: Basic abc\r\n")) {
            LoopbackHttp.Response fixed = http.get("/length?x=1");
            LoopbackHttp.Response chunked = http.post("/chunked", "application/json", "[1,2]".getBytes(StandardCharsets.UTF_8));
            LoopbackHttp.Response again = http.get("/length");

            assertThat(fixed.status()).isEqualTo(200);
            assertThat(fixed.text()).isEqualTo("fixed length");
            assertThat(chunked.status()).isEqualTo(201);
            assertThat(chunked.text()).isEqualTo("x".repeat(20_000));
            assertThat(again.text()).isEqualTo("fixed length");
        }
        String port = seen.get(0).split(" ")[0];
        assertThat(seen).containsExactly(port + " GET Basic abc ", port + " POST Basic abc [1,2]", port + " GET Basic abc ");
    }

    @Test
    void opensAnotherConnectionAfterTheServerClosesOne() throws IOException {
        try (LoopbackHttp http = new LoopbackHttp(server.getAddress().getPort(), "")) {
            assertThat(http.get("/closing").text()).isEqualTo("bye");
            assertThat(http.get("/length").text()).isEqualTo("fixed length");
        }
        assertThat(seen.get(0).split(" ")[0]).isNotEqualTo(seen.get(1).split(" ")[0]);
    }
}
