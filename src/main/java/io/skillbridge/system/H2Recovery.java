package io.skillbridge.system;

import org.flywaydb.core.Flyway;
import org.h2.engine.Database;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Finishes the commits that a kill cut short in the embedded H2 store, before anything else uses it (docs/adr/0005).
 *
 * <p>H2 commits in two steps: it marks the transaction's undo log committed, then turns each row the transaction wrote
 * into a committed row. A kill between the two leaves a file whose transaction H2 2.5.252 restores as committed and
 * never finishes: its {@code endLeftoverTransactions} calls {@code Transaction.commit()}, which does nothing for a
 * transaction already marked committed. Readers then see the rows as they were before that commit, and any write to
 * one of them waits for a transaction that never ends: the outbox sender that updates such a row spins at full CPU and
 * the row is never delivered (the likeliest cause of an {@code OutboundCrashIT} failure in CI). This does the second
 * step H2 skipped, with H2's own commit of a recovered transaction: the rows get the values that transaction committed.
 *
 * <p>It runs as the Flyway migration strategy, so before the migrations and before any bean that uses the store: a
 * transaction that a live session owns cannot be mistaken for a leftover. On PostgreSQL there is nothing to do (WAL
 * replay finishes or undoes every transaction), nor on an H2 server, whose own process opened and recovered its store.
 */
@Component
public class H2Recovery implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(H2Recovery.class);

    @Override
    public void migrate(Flyway flyway) {
        finishCommitted(flyway.getConfiguration().getDataSource());
        flyway.migrate();
    }

    /**
     * Finishes every transaction H2 restored as committed but left open.
     *
     * @return how many were finished (0 when the store is not an embedded H2, or was closed cleanly)
     */
    public static int finishCommitted(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            Database database = EmbeddedH2.of(c);
            if (database == null) {
                return 0;
            }
            List<Transaction> committed = leftOpen(database);
            if (committed.isEmpty()) {
                return 0;
            }
            finish(database.getStore().getTransactionStore(), committed);
            database.getStore().getMvStore().commit();
            log.warn("H2: finished {} commit(s) that the previous process was killed in the middle of; their rows now"
                    + " hold the values committed", committed.size());
            return committed.size();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the store to recover it: " + e.getMessage(), e);
        }
    }

    /**
     * The transactions H2 restored as committed and left open. Only at start are they all leftovers: later, a live
     * session's transaction is committed for a moment while it commits.
     */
    public static List<Transaction> leftOpen(Database database) {
        return database.getStore().getTransactionStore().getOpenTransactions().stream()
                .filter(t -> t.getStatus() == Transaction.STATUS_COMMITTED).toList();
    }

    /** H2 keeps these steps package-private: its own commit of a recovered transaction, then closing it. */
    private static void finish(TransactionStore transactions, List<Transaction> committed) {
        try {
            Method commit = TransactionStore.class.getDeclaredMethod("commit", Transaction.class, boolean.class);
            Method close = Transaction.class.getDeclaredMethod("close", boolean.class, Throwable.class);
            commit.setAccessible(true);
            close.setAccessible(true);
            for (Transaction t : committed) {
                commit.invoke(transactions, t, true);
                close.invoke(t, true, null);
            }
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("H2 " + org.h2.engine.Constants.FULL_VERSION + " restored " + committed.size()
                    + " committed transaction(s) it did not finish, and this H2 has no recovery commit to finish them"
                    + " with: rows they wrote stay locked. Start the hub with the H2 version of its pom.", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("H2 could not finish a commit interrupted by a kill: " + e.getCause(), e.getCause());
        }
    }
}
