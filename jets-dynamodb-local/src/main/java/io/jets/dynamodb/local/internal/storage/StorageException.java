package io.jets.dynamodb.local.internal.storage;

/** The store failed (disk full, file corrupt): a server fault, answered as HTTP 500. */
public final class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
