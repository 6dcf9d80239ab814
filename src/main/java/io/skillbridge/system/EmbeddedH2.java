package io.skillbridge.system;

import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

import java.sql.Connection;
import java.sql.SQLException;

/** The H2 engine behind a connection, for the upkeep H2 leaves to the hub when the hub embeds it. */
public final class EmbeddedH2 {

    private EmbeddedH2() {
    }

    /**
     * The database this process opened, or null: not H2, or a client-server H2 URL, whose store is the server's.
     * Use it while the connection is open: H2 closes a database with its last connection.
     */
    public static Database of(Connection c) throws SQLException {
        if (!c.isWrapperFor(JdbcConnection.class)
                || !(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        return session.getDatabase();
    }
}
