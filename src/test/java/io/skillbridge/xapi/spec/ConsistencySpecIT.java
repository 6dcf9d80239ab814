package io.skillbridge.xapi.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Concurrency (1.0.3 Part Three 2.1.3, X-Experience-API-Consistent-Through) and concurrent writes of one id. */
class ConsistencySpecIT extends XapiSpecIT {

    @BothVersions
    void everyStatementStoredBeforeConsistentThroughIsReturned(String version) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> writes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                writes.add(pool.submit(() -> post(version, batch(10))));
            }
            OffsetDateTime through = null;
            int seenAtThrough = 0;
            for (int i = 0; i < 10; i++) {
                Response r = get(version, "ascending=true&limit=0");
                OffsetDateTime t = OffsetDateTime.parse(r.header("X-Experience-API-Consistent-Through"));
                long visible = 0;
                for (var s : r.json().get("statements")) {
                    if (!OffsetDateTime.parse(s.get("stored").asText()).isAfter(t)) {
                        visible++;
                    }
                }
                // whatever was stored up to the promised time is there now, and stays there
                Integer storedUpTo = jdbc.queryForObject("select count(*) from xapi_statement where stored <= ?", Integer.class, t);
                assertThat(visible).isEqualTo(Math.min(storedUpTo, 50));
                through = t;
                seenAtThrough = storedUpTo;
            }
            for (Future<Response> w : writes) {
                assertThat(w.get().status()).isEqualTo(200);
            }
            assertThat(through).isNotNull();
            assertThat(seenAtThrough).isLessThanOrEqualTo(200);
            assertThat(stored()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @BothVersions
    void theSameNewStatementFromManyClientsAtOnceIsStoredOnce(String version) throws Exception {
        ObjectNode s = Statements.valid();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> writes = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                writes.add(pool.submit(() -> put(version, s.get("id").asText(), s)));
            }
            for (Future<Response> w : writes) {
                assertThat(w.get().status()).isEqualTo(204);
            }
            assertThat(stored()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    static ArrayNode batch(int n) {
        ArrayNode batch = Statements.JSON.createArrayNode();
        for (int i = 0; i < n; i++) {
            batch.add(Statements.valid());
        }
        return batch;
    }
}
