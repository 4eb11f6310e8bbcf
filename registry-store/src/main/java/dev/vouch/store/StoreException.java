package dev.vouch.store;

/** A storage failure that is not the caller's fault (I/O, corrupt database, driver error). */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
