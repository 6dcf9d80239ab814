package io.skillbridge.xapi.store;

import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Inserts statements and commits them as the group commit does, for tests and benchmarks that use the store without
 * the writer: by itself where the store's insert is atomic (PostgreSQL), else in a transaction (H2). The writer does
 * the same in two timed stages.
 */
public final class CommittedInsert {

    private CommittedInsert() {
    }

    public static void insert(StatementStore store, TransactionTemplate transactions, List<NewStatement> statements) {
        if (store.insertsAtomically()) {
            store.insert(statements);
        } else {
            transactions.executeWithoutResult(t -> store.insert(statements));
        }
    }
}
