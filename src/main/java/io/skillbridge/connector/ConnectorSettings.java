package io.skillbridge.connector;

import java.util.Arrays;
import java.util.List;

/**
 * What every connector kind shares, whatever transport it reads from: who it is, which system's ids it carries,
 * which entity it delivers and how its records are mapped and matched. Bound from the connector's template
 * parameters of the same names.
 */
public class ConnectorSettings {

    private String connectorId;
    private String system;
    private String entity = "worker";
    private String mapping;
    private String matchBy = "employeeId,workEmail";
    private boolean reconcile = true;

    public String getConnectorId() {
        return connectorId;
    }

    public void setConnectorId(String connectorId) {
        this.connectorId = connectorId;
    }

    /** The source system's name in identity links (several connectors of one system share it). */
    public String getSystem() {
        return system;
    }

    public void setSystem(String system) {
        this.system = system;
    }

    /** {@code worker}, {@code role} or {@code orgUnit}. */
    public String getEntity() {
        return entity;
    }

    public void setEntity(String entity) {
        this.entity = entity;
    }

    /** The mapping file, relative to the {@code mappings/} folder. */
    public String getMapping() {
        return mapping;
    }

    public void setMapping(String mapping) {
        this.mapping = mapping;
    }

    public String getMatchBy() {
        return matchBy;
    }

    public void setMatchBy(String matchBy) {
        this.matchBy = matchBy;
    }

    /** The matching keys in order of trust, from {@link #getMatchBy()}. */
    public List<String> matchKeys() {
        return Arrays.stream(matchBy.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether a full snapshot deactivates the records it no longer contains. */
    public boolean isReconcile() {
        return reconcile;
    }

    public void setReconcile(boolean reconcile) {
        this.reconcile = reconcile;
    }
}
