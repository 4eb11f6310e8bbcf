package dev.vouch.scanner.input;

/** The document is none of the forms the scanner reads. */
public final class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }
}
