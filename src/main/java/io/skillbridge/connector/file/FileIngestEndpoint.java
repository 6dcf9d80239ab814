package io.skillbridge.connector.file;

import io.skillbridge.connector.ConnectorSettings;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** One connector's file ingest; only a producer, since files arrive through the file or sftp consumer before it. */
public class FileIngestEndpoint extends DefaultEndpoint {

    private final ConnectorSettings connector;
    private final FileDropSettings settings;

    FileIngestEndpoint(String uri, FileIngestComponent component, ConnectorSettings connector,
                       FileDropSettings settings) {
        super(uri, component);
        this.connector = connector;
        this.settings = settings;
    }

    @Override
    public Producer createProducer() {
        return new FileIngestProducer(this, connector, settings);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException(FileIngestComponent.SCHEME
                + " only ingests files sent to it; put a file or sftp consumer in front of it");
    }
}
