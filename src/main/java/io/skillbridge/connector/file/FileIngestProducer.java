package io.skillbridge.connector.file;

import io.skillbridge.connector.ConnectorSettings;
import io.skillbridge.connector.RunMode;
import io.skillbridge.connector.RunResult;
import io.skillbridge.connector.SyncService;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Runs one sync of the file in the exchange body; throws when the file was rejected or the run failed. */
class FileIngestProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(FileIngestProducer.class);

    private final ConnectorSettings connector;
    private final FileDropSettings settings;

    FileIngestProducer(FileIngestEndpoint endpoint, ConnectorSettings connector, FileDropSettings settings) {
        super(endpoint);
        this.connector = connector;
        this.settings = settings;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String fileName = exchange.getIn().getHeader(Exchange.FILE_NAME, "unnamed file", String.class);
        String prefix = "Connector " + connector.getConnectorId() + ": " + fileName;
        SyncService sync = exchange.getContext().getRegistry().findSingleByType(SyncService.class);
        if (sync == null) {
            throw new FileIngestException(prefix + ": no single SyncService in the registry to run the sync");
        }
        RunResult result;
        try (Body body = Body.of(exchange, fileName);
             FilePageSource source = new FilePageSource(fileName, settings, body.content)) {
            result = sync.run(connector, source, RunMode.FILE, "file");
        } catch (FileRejectedException e) {
            throw new FileIngestException("Connector " + connector.getConnectorId() + ": " + e.getMessage(), e);
        }
        if (result == null || result.runFailed()) {
            String why = result == null ? "the sync returned no result" : result.lastError();
            throw new FileIngestException(prefix + ": run " + (result == null ? "?" : result.runId())
                    + " failed: " + why);
        }
        LOG.info("{}: run {} {}: read {}, created {}, updated {}, unchanged {}, failed {}", prefix, result.runId(),
                result.status(), result.read(), result.created(), result.updated(), result.unchanged(),
                result.failed());
    }

    /**
     * The file behind whatever the consumer put in the body, in a form that can be opened again for a resumed page.
     * A one-shot stream is copied to a temporary file first, which goes when the run is over.
     */
    private record Body(FileContent content, Path temporary) implements Closeable {

        static Body of(Exchange exchange, String fileName) throws Exception {
            Object body = exchange.getIn().getBody();
            if (body instanceof GenericFile<?> file) {
                if (file.getFile() instanceof File local) {
                    return ofPath(insideDropFolder(file, local, fileName));
                }
                // A remote file: its body is the copy in the local work directory, or the downloaded bytes.
                body = file.getBody();
            }
            if (body instanceof File local) {
                return ofPath(local.toPath());
            }
            if (body instanceof Path local) {
                return ofPath(local);
            }
            if (body instanceof byte[] bytes) {
                return new Body(() -> new ByteArrayInputStream(bytes), null);
            }
            if (body instanceof InputStream stream) {
                Path copy = Files.createTempFile("skillbridge-file-", ".drop");
                try (stream) {
                    Files.copy(stream, copy, StandardCopyOption.REPLACE_EXISTING);
                }
                return new Body(() -> Files.newInputStream(copy), copy);
            }
            if (body == null) {
                throw new FileIngestException(fileName + ": the message has no file in its body");
            }
            byte[] bytes = exchange.getContext().getTypeConverter().mandatoryConvertTo(byte[].class, exchange, body);
            return new Body(() -> new ByteArrayInputStream(bytes), null);
        }

        private static Body ofPath(Path path) {
            return new Body(() -> Files.newInputStream(path), null);
        }

        /**
         * The consumer only lists the drop folder itself, but a link placed there could point anywhere on this
         * machine; a connector reads only files that really are in its folder.
         */
        private static Path insideDropFolder(GenericFile<?> file, File local, String fileName)
                throws IOException, FileIngestException {
            Path real = local.toPath().toRealPath();
            String folder = file.getEndpointPath();
            if (folder != null && !real.startsWith(Path.of(folder).toRealPath())) {
                throw new FileIngestException(fileName + ": refused, it resolves to a path outside the drop folder");
            }
            return real;
        }

        @Override
        public void close() throws IOException {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
