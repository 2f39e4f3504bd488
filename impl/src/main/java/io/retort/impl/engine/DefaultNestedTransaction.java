package io.retort.impl.engine;

import io.retort.engine.NestedTransaction;
import io.retort.exception.InvalidRequestException;
import java.sql.Savepoint;

/** A savepoint on a {@link DefaultConnection}. */
final class DefaultNestedTransaction implements NestedTransaction {
    private final DefaultConnection connection;
    private final Savepoint savepoint;
    private final String name;
    private boolean active = true;

    DefaultNestedTransaction(DefaultConnection connection, Savepoint savepoint, String name) {
        this.connection = connection;
        this.savepoint = savepoint;
        this.name = name;
    }

    Savepoint savepoint() {
        return savepoint;
    }

    String name() {
        return name;
    }

    void deactivate() {
        active = false;
    }

    @Override
    public void commit() {
        checkActive("commit");
        connection.releaseSavepoint(this);
    }

    @Override
    public void rollback() {
        checkActive("roll back");
        connection.rollbackToSavepoint(this);
    }

    private void checkActive(String action) {
        if (!active) {
            throw new InvalidRequestException("Cannot " + action + " savepoint " + name + ": it has already ended"
                    + " (committed, rolled back, or ended with an enclosing savepoint or transaction)");
        }
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public void close() {
        if (active && !connection.isClosed()) {
            connection.rollbackToSavepoint(this);
        }
    }
}
