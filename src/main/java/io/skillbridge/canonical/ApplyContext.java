package io.skillbridge.canonical;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is writing a page: the connector, the source system whose ids the records carry, the run, and whether the
 * run is a full snapshot (whose records are marked seen, for reconciliation at its end).
 *
 * @param resumed whether the run resumed after a stop: what earlier pages noted in {@link #managerLinks()} is then
 *                lost, and the run's end checks every manager link of the system instead
 */
public record ApplyContext(String connectorId, String system, long runId, boolean fullSnapshot,
                           List<String> matchKeys, LocalDate today, boolean resumed,
                           Map<String, ManagerLink> managerLinks, Set<Object> embeddedReferences) {

    public ApplyContext(String connectorId, String system, long runId, boolean fullSnapshot, List<String> matchKeys,
                        LocalDate today, boolean resumed) {
        this(connectorId, system, runId, fullSnapshot, matchKeys, today, resumed, new ConcurrentHashMap<>(),
                ConcurrentHashMap.newKeySet());
    }

    /**
     * A worker whose manager link this run set or could not set yet, by person id: the run's end checks these (and
     * the links still waiting from earlier runs) for cycles and dangling managers, without reading every link.
     */
    public record ManagerLink(String externalId, String personId, String managerRef) {
    }
}
