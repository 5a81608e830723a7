package io.zeekagent.hub.bench;

import io.zeekagent.hub.attribution.Seuid;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The ingestion baseline: the rows the hub just stored, read back and inserted again into the same
 * {@code socket_events} table of the same database with plain JDBC — one prepared INSERT, batches of the hub's
 * batch size, one commit per batch, fresh seuids — and nothing else.
 */
final class RawJdbcInsert {

    private static final String COLUMNS = "seuid, host_id, syscall, pid, fd, exe, uid, success, family, protocol,"
            + " local_address, local_port, remote_address, remote_port, event_time, received_at";

    private RawJdbcInsert() {}

    /** Rows per second, and per CPU-second of the inserting thread (H2 runs embedded on that thread). */
    record Rate(double perSecond, double perCpuSecond) {}

    /** Rows per second inserting up to {@code max} of the stored rows again, {@code batch} per commit. */
    static double rowsPerSecond(DataSource dataSource, int max, int batch) throws SQLException {
        return rate(dataSource, max, batch).perSecond();
    }

    /** The same, with the CPU time of the calling thread. */
    static Rate rate(DataSource dataSource, int max, int batch) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        int[] types;
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM socket_events ORDER BY id")) {
            ResultSetMetaData meta = rs.getMetaData();
            types = new int[meta.getColumnCount()];
            for (int i = 0; i < types.length; i++) {
                types[i] = meta.getColumnType(i + 1);
            }
            while (rows.size() < max && rs.next()) {
                Object[] row = new Object[types.length];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            return new Rate(Double.NaN, Double.NaN);
        }
        String insert =
                "INSERT INTO socket_events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(insert)) {
            c.setAutoCommit(false);
            int pending = 0;
            for (Object[] row : rows) {
                ps.setString(1, Seuid.next());
                for (int i = 1; i < row.length; i++) {
                    if (row[i] == null) {
                        ps.setNull(i + 1, types[i]);
                    } else {
                        ps.setObject(i + 1, row[i]);
                    }
                }
                ps.addBatch();
                if (++pending == batch) {
                    ps.executeBatch();
                    c.commit();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
                c.commit();
            }
            c.setAutoCommit(true);
        }
        return new Rate(
                rows.size() * 1e9 / (System.nanoTime() - start),
                rows.size() * 1e9 / (threads.getCurrentThreadCpuTime() - cpu));
    }
}
