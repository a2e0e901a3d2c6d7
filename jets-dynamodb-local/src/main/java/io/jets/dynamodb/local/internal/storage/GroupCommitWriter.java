package io.jets.dynamodb.local.internal.storage;

import io.jets.dynamodb.local.internal.storage.Database.SqlWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The store's one writer connection behind a lock, so that stream sequence numbers follow commit order. Writes
 * that arrive while another commits wait, and the next of them commits them together (group commit), each in a
 * savepoint of its own; the commit actions of each write run after the commit that holds it.
 */
final class GroupCommitWriter {

    /** How many waiting writes one commit takes at most. */
    private static final int MAX_GROUP = 64;

    private final ReentrantLock writeLock = new ReentrantLock();
    private final Connection writer;
    private final List<Runnable> commitActions = new ArrayList<>();
    private final Map<String, Object> transactionState = new HashMap<>();
    /** The writes waiting for a commit, in arrival order. */
    private final Queue<Task<?>> pending = new ConcurrentLinkedQueue<>();

    /** {@code writer}: a connection of its own, out of auto-commit. */
    GroupCommitWriter(Connection writer) {
        this.writer = writer;
    }

    /** The writer connection, for closing it on shutdown. */
    Connection connection() {
        return writer;
    }

    /** Holds writers back until {@link #unlockWrites}: a checkpoint's last frames, a shutdown. */
    void lock() {
        writeLock.lock();
    }

    /**
     * Runs {@code work} in a write transaction; committed when it returns, rolled back when it throws. Writes that
     * arrive while another commits are committed together (each in a savepoint of its own, so that one that throws
     * is undone alone, in arrival order): one commit for several writes, as concurrent writers wait anyway. Each
     * caller hears back only after the commit that holds its write.
     */
    <T> T write(SqlWork<T> work) {
        Task<T> task = new Task<>(work);
        if (writeLock.isHeldByCurrentThread()) {
            // a write from a commit action runs and commits on its own, as it always did
            List<Runnable> outer = List.copyOf(commitActions);
            commitActions.clear();
            try {
                runAlone(task);
            } finally {
                commitActions.addAll(outer);
            }
            return task.outcome();
        }
        pending.add(task);
        boolean interrupted = false;
        while (!task.done) {
            if (writeLock.tryLock()) {
                try {
                    while (!task.done) {
                        commitGroup();
                    }
                } finally {
                    unlockWrites();
                }
            } else {
                // the holder commits this write with its group and wakes us, or wakes us to lead the next group
                LockSupport.park(this);
                interrupted |= Thread.interrupted(); // a write in progress finishes; the interrupt is kept for later
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return task.outcome();
    }

    /**
     * Releases the write lock and wakes the first write still waiting, to lead the next commit. A write that found
     * the lock taken parked after joining {@link #pending}, so whoever held the lock then sees it here.
     */
    void unlockWrites() {
        writeLock.unlock();
        Task<?> next = pending.peek();
        if (next != null) {
            LockSupport.unpark(next.thread);
        }
    }

    /** How many writes wait for the commit that will take them. */
    int waitingWrites() {
        return pending.size();
    }

    private static final class Task<T> {
        final SqlWork<T> work;
        final Thread thread = Thread.currentThread();
        T result;
        Throwable failure;
        List<Runnable> commitActions = List.of();
        volatile boolean done;

        Task(SqlWork<T> work) {
            this.work = work;
        }

        /** Marks the write finished and wakes its thread, when another thread committed it. */
        void finish() {
            done = true;
            if (thread != Thread.currentThread()) {
                LockSupport.unpark(thread);
            }
        }

        void run(Connection connection) throws SQLException {
            result = work.run(connection);
        }

        T outcome() {
            if (failure instanceof SQLException sql) {
                throw new StorageException("write failed: " + sql.getMessage(), sql);
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return result;
        }
    }

    /**
     * Runs the waiting writes (up to {@link #MAX_GROUP}) in one transaction and commits it; holds the lock. Writes
     * that join the queue while the group runs are taken in too, rather than left for a commit of their own: each
     * commit writes the pages it changed to the log, and the stream's last pages, the sequence counter and the
     * store's header page change in every one of them. A write runs in a savepoint once an earlier write of the
     * transaction succeeded; before that, one that throws is undone by rolling the transaction back.
     */
    private void commitGroup() {
        List<Task<?>> group = new ArrayList<>();
        boolean anyDone = false;
        for (Task<?> task; group.size() < MAX_GROUP && (task = pending.poll()) != null; ) {
            group.add(task);
            boolean alone = !anyDone; // nothing else in the transaction to keep if it throws
            try {
                if (!alone) {
                    execute("SAVEPOINT jets_write");
                }
                task.run(writer);
                if (!alone) {
                    execute("RELEASE jets_write");
                }
                task.commitActions = List.copyOf(commitActions);
                anyDone = true;
            } catch (RuntimeException | SQLException | Error e) {
                task.failure = e;
                if (alone) {
                    rollbackQuietly();
                } else {
                    undoSavepoint();
                }
            } finally {
                commitActions.clear();
                transactionState.clear();
            }
        }
        try {
            if (anyDone) {
                writer.commit();
            }
        } catch (SQLException e) {
            rollbackQuietly();
            for (Task<?> task : group) {
                if (task.failure == null) {
                    task.failure = e;
                }
            }
        }
        for (Task<?> task : group) {
            if (task.failure == null) {
                runCommitActions(task.commitActions);
            }
            task.finish();
        }
    }

    /** Runs one write in a transaction of its own, committed when it returns, rolled back when it throws. */
    private void runAlone(Task<?> task) {
        try {
            task.run(writer);
            writer.commit();
            List<Runnable> actions = List.copyOf(commitActions);
            commitActions.clear();
            runCommitActions(actions);
        } catch (RuntimeException | SQLException | Error e) {
            task.failure = e;
            rollbackQuietly();
        } finally {
            transactionState.clear();
        }
    }

    /** Undoes a failed write of a group: back to its savepoint, the others' changes kept. */
    private void undoSavepoint() {
        try {
            execute("ROLLBACK TO jets_write");
            execute("RELEASE jets_write");
        } catch (SQLException ignored) {
            // the write's own failure is the one worth reporting
        }
    }

    private void execute(String sql) throws SQLException {
        // prepared once and kept by the connection: a plain Statement parsed the SQL anew for every write
        try (PreparedStatement statement = writer.prepareStatement(sql)) {
            statement.execute();
        }
    }

    /** Whether the calling thread is inside {@link #write}. */
    boolean inWriteTransaction() {
        return writeLock.isHeldByCurrentThread();
    }

    /**
     * What a store remembers for the rest of the current write transaction only (a batch of 25 puts reads the
     * stream's open shard once, not 25 times); forgotten when the transaction commits or rolls back.
     */
    Map<String, Object> transactionState() {
        if (!writeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("transactionState outside a write transaction");
        }
        return transactionState;
    }

    /**
     * Runs {@code action} right after the current write transaction commits (in commit order, still holding the
     * write lock), and never if it rolls back: how in-memory caches and stream listeners follow the store.
     */
    void onCommit(Runnable action) {
        if (!writeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("onCommit outside a write transaction");
        }
        commitActions.add(action);
    }

    private void runCommitActions(List<Runnable> actions) {
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                // a failing listener must not fail a write that is already committed
                System.err.println("jets-dynamodb-local: commit listener failed: " + e);
            }
        }
    }

    private void rollbackQuietly() {
        commitActions.clear();
        try {
            writer.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }
}
