package io.jets.dynamodb.local.internal.storage;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the statements a connection prepared, so that the stores' {@code prepareStatement(sql)} in
 * try-with-resources compiles each SQL text once per connection instead of once per call (SQLite parses and
 * plans the statement every time otherwise, a measurable share of a PutItem).
 *
 * <p>The returned connection hands out statements whose {@code close()} closes their last result set and clears
 * their parameters; the real statements close with the connection. A connection is used by one thread at a time (the writer under its
 * lock, a reader while borrowed), so the cache needs no locking. SQL texts built per request (queries with
 * optional bounds) are bounded by keeping only the {@code capacity} most recently used.
 */
final class StatementCache implements InvocationHandler {

    private final Connection connection;
    private final Map<String, Cached> statements;

    /** A real statement and the proxy handed out for it, made once: a proxy per call cost more than the call. */
    private record Cached(PreparedStatement target, PreparedStatement proxy) {
    }

    private StatementCache(Connection connection, int capacity) {
        this.connection = connection;
        this.statements = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                if (size() <= capacity) {
                    return false;
                }
                try {
                    eldest.getValue().target().close();
                } catch (SQLException ignored) {
                    // an evicted statement is of no further use either way
                }
                return true;
            }
        };
    }

    /** {@code connection} with its prepared statements kept for reuse. */
    static Connection wrap(Connection connection, int capacity) {
        return (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new StatementCache(connection, capacity));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("prepareStatement") && args != null && args.length == 1
                && args[0] instanceof String sql) {
            return prepared(sql);
        }
        // what every read and every commit calls goes straight to the connection, as in direct()
        String name = method.getName();
        if (args == null && name.equals("commit")) {
            connection.commit();
            return null;
        }
        if (args == null && name.equals("rollback")) {
            connection.rollback();
            return null;
        }
        if (name.equals("setAutoCommit") && args[0] instanceof Boolean autoCommit) {
            connection.setAutoCommit(autoCommit);
            return null;
        }
        return forward(connection, method, args);
    }

    private PreparedStatement prepared(String sql) throws SQLException {
        Cached cached = statements.get(sql);
        if (cached == null || cached.target().isClosed()) {
            PreparedStatement target = connection.prepareStatement(sql);
            cached = new Cached(target, proxy(target));
            statements.put(sql, cached);
        }
        return cached.proxy();
    }

    private static PreparedStatement proxy(PreparedStatement target) {
        ResultSet[] lastQuery = new ResultSet[1];
        return (PreparedStatement) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (p, m, a) -> {
                    if (m.getName().equals("close") && (a == null || a.length == 0)) {
                        // a result set left open would keep the statement running and, on a reader, its
                        // snapshot pinned; closing it resets the statement for its next use
                        if (lastQuery[0] != null) {
                            lastQuery[0].close();
                            lastQuery[0] = null;
                        }
                        target.clearParameters();
                        return null;
                    }
                    Object result = direct(target, m.getName(), a);
                    if (result == NOT_DIRECT) {
                        result = forward(target, m, a);
                    }
                    if (result instanceof ResultSet rows) {
                        lastQuery[0] = rows;
                    }
                    return result;
                });
    }

    private static final Object NOT_DIRECT = new Object();

    /**
     * The statement calls the stores make on every request, made directly: through {@link #forward} each paid for
     * reflection's access checks, about a tenth of a GetItem's Java time. {@link #NOT_DIRECT} for any other call.
     */
    private static Object direct(PreparedStatement target, String name, Object[] args) throws SQLException {
        if (args == null) {
            return switch (name) {
                case "executeQuery" -> target.executeQuery();
                case "executeUpdate" -> target.executeUpdate();
                case "execute" -> target.execute();
                default -> NOT_DIRECT;
            };
        }
        if (args.length != 2 || !(args[0] instanceof Integer index)) {
            return NOT_DIRECT;
        }
        switch (name) {
            case "setLong" -> target.setLong(index, (Long) args[1]);
            case "setInt" -> target.setInt(index, (Integer) args[1]);
            case "setBytes" -> target.setBytes(index, (byte[]) args[1]);
            case "setString" -> target.setString(index, (String) args[1]);
            default -> {
                return NOT_DIRECT;
            }
        }
        return null;
    }

    private static Object forward(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
