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
                OffsetDateTime t = OffsetDateTime.parse(get(version, "limit=1").header("X-Experience-API-Consistent-Through"));
                // concurrent writers take their stored times and their order in the store in different orders: a
                // page in store order can hold later statements before earlier ones, so ask for those up to t
                Response r = get(version, "ascending=true&limit=0&until=" + enc(t.toString()));
                long visible = r.json().get("statements").size();
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
