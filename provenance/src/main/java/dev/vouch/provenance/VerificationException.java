package dev.vouch.provenance;

/** Evidence was rejected: which check failed, and why. */
public final class VerificationException extends Exception {

    private final Check check;

    public VerificationException(Check check, String detail) {
        super(check.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + detail);
        this.check = check;
    }

    public VerificationException(Check check, String detail, Throwable cause) {
        this(check, detail);
        initCause(cause);
    }

    public Check check() {
        return check;
    }
}
