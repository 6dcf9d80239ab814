package io.skillbridge.connector.file;

import io.skillbridge.connector.ConnectorSettings;
import io.skillbridge.connector.Page;
import io.skillbridge.connector.PageSource;
import io.skillbridge.connector.RunMode;
import io.skillbridge.connector.RunResult;
import io.skillbridge.connector.SourceRecord;
import io.skillbridge.connector.SyncService;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for the store: reads every page as the real service would and keeps what it read. A file holding a
 * record whose employeeId is {@value #FAILING_EMPLOYEE} makes the run fail, as a store outage would.
 */
class RecordingSyncService implements SyncService {

    static final String FAILING_EMPLOYEE = "E-FAIL";
    static final String FAILURE = "store unavailable";

    record Run(ConnectorSettings connector, RunMode mode, String trigger, List<SourceRecord> records) {
    }

    private final List<Run> runs = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public RunResult run(ConnectorSettings connector, PageSource source, RunMode mode, String triggerKind) {
        long id = ids.incrementAndGet();
        List<SourceRecord> records = new ArrayList<>();
        try {
            String state = null;
            do {
                Page page = source.fetch(state, null);
                records.addAll(page.records());
                state = page.nextState();
            } while (state != null);
        } catch (IOException e) {
            return new RunResult(id, "failed", records.size(), 0, 0, 0, 0, 0, e.getMessage());
        }
        runs.add(new Run(connector, mode, triggerKind, records));
        boolean fail = records.stream().anyMatch(r -> r.payload().isObject()
                && FAILING_EMPLOYEE.equals(r.payload().path("employeeId").asText()));
        int unreadable = (int) records.stream().filter(r -> r.parseError() != null).count();
        return fail
                ? new RunResult(id, "failed", records.size(), 0, 0, 0, 0, 0, FAILURE)
                : new RunResult(id, unreadable > 0 ? "partial" : "succeeded", records.size(),
                records.size() - unreadable, 0, 0, unreadable, 0, null);
    }

    List<Run> runs() {
        return runs;
    }
}
