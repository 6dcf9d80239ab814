package io.skillbridge.connector.file;

import io.skillbridge.connector.EndpointParameters;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.springframework.stereotype.Component;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code skillbridge-file:<connectorId>?system=...&mapping=...&format=csv...}: syncs the file in the exchange
 * body as one {@link io.skillbridge.connector.RunMode#FILE} run of that connector. The file-drop and sftp-drop
 * templates put it behind their file consumers, so both transports share one ingest path.
 */
@Component(FileIngestComponent.SCHEME)
public class FileIngestComponent extends DefaultComponent {

    public static final String SCHEME = "skillbridge-file";

    private static final Set<String> FORMATS = Set.of("csv", "json");

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException(SCHEME + " needs a connector id: " + SCHEME + ":<connectorId>");
        }
        EndpointParameters.Bound<FileDropSettings> bound =
                EndpointParameters.bind(remaining, parameters, FileDropSettings.class);
        check(remaining, bound.kind());
        return new FileIngestEndpoint(uri, this, bound.connector(), bound.kind());
    }

    /** Settings that cannot work fail the route at start-up, not the first file hours later. */
    private static void check(String connectorId, FileDropSettings settings) {
        String prefix = "Connector " + connectorId + ": ";
        if (settings.getFormat() == null || !FORMATS.contains(settings.getFormat().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(prefix + "format must be csv or json, got '" + settings.getFormat()
                    + "'");
        }
        if (!Charset.isSupported(settings.getEncoding())) {
            throw new IllegalArgumentException(prefix + "unknown encoding '" + settings.getEncoding() + "'");
        }
        if (settings.getPageSize() < 1) {
            throw new IllegalArgumentException(prefix + "pageSize must be at least 1");
        }
        try {
            CsvRecordReader.delimiterOf(settings.getDelimiter());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix + e.getMessage(), e);
        }
    }
}
