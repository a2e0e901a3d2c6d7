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
                    Object result = forward(target, m, a);
                    if (result instanceof ResultSet rows) {
                        lastQuery[0] = rows;
                    }
                    return result;
                });
    }

    private static Object forward(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
