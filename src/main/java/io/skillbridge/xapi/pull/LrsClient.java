package io.skillbridge.xapi.pull;

import gov.adlnet.xapi.client.StatementClient;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * ADL's jxapi client, reading pages as the remote LRS wrote them: its own model would re-serialize statements
 * (numbers, extensions, unknown 2.0 properties), and a statement that reads back different is a different statement
 * to the hub's immutability check. jxapi still does the transport: Basic auth, the version header, relative
 * {@code more} links.
 */
class LrsClient extends StatementClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(120);

    LrsClient(String endpoint, String username, String password) throws IOException {
        super(endpoint, username, password);
    }

    /** jxapi sets no timeouts: an LRS that stops answering would hold the connector's run for ever. */
    @Override
    protected HttpURLConnection initializeConnection(URL url) throws IOException {
        HttpURLConnection connection = super.initializeConnection(url);
        connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        connection.setReadTimeout((int) READ_TIMEOUT.toMillis());
        return connection;
    }

    /**
     * The first page of statements stored after {@code since} (all when null), oldest first, so that the last page
     * ends with the newest. Without filters an LRS answers voiding statements too (never the voided ones), which is
     * what the hub needs to void what it pulled before.
     */
    String first(String since, int limit) throws IOException {
        StringBuilder path = new StringBuilder("/statements?ascending=true&limit=").append(limit);
        if (since != null) {
            path.append("&since=").append(URLEncoder.encode(since, StandardCharsets.UTF_8));
        }
        return issueGet(path.toString());
    }

    /** The page a {@code more} link names. */
    String more(String more) throws IOException {
        return issueGet(more);
    }
}
