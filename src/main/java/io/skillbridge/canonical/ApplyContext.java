package io.skillbridge.canonical;

import java.time.LocalDate;
import java.util.List;

/**
 * Who is writing a page: the connector, the source system whose ids the records carry, the run, and whether the
 * run is a full snapshot (whose records are marked seen, for reconciliation at its end).
 */
public record ApplyContext(String connectorId, String system, long runId, boolean fullSnapshot,
                           List<String> matchKeys, LocalDate today) {
}
