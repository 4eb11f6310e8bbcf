package dev.vouch.scanner.input;

/** JSON Pointer (RFC 6901) helpers. */
public final class Pointers {

    private Pointers() {}

    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    public static String unescape(String token) {
        return token.indexOf('~') < 0 ? token : token.replace("~1", "/").replace("~0", "~");
    }
}
