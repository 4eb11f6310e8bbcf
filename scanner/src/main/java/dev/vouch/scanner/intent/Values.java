package dev.vouch.scanner.intent;

/**
 * What a token holds as a value, asked of the tokens the token pass finds: a fixed value an instruction
 * could hand over (an id, an account, a handle, a path), and whether an address reaches anyone at all.
 */
final class Values {

    private Values() {}

    /**
     * "admin@example.com", "https://api.example.org/v1": the domains RFC 2606 keeps for documentation
     * reach no one, so an address there is an example, not a recipient or a sink.
     */
    static boolean atReservedDomain(String key, int hostStart) {
        int hostEnd = hostStart;
        while (hostEnd < key.length() && "/:?#".indexOf(key.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        String host = key.substring(Math.min(hostStart, hostEnd), hostEnd);
        for (String reserved : RESERVED_DOMAINS) {
            if (host.equals(reserved) || host.endsWith("." + reserved)) {
                return true;
            }
        }
        return host.endsWith(".example") || host.endsWith(".test") || host.endsWith(".invalid");
    }

    private static final String[] RESERVED_DOMAINS = {"example.com", "example.org", "example.net"};

    /**
     * An unquoted value an instruction could hand over: an {@code @handle}, a file path, or an id of at least
     * two letters and three digits ({@code U0ADM1N77}, {@code acct-9912x7}, {@code usr_0007}). Bare numbers are
     * counts and limits ("max 1000") far more often than accounts, and dates are examples of a format: both are
     * left alone.
     */
    static boolean isFixedValue(String key) {
        int length = key.length();
        if (length >= 3 && key.charAt(0) == '@') {
            // @scope/package@1.0 names a package, not an account.
            return Character.isLetter(key.charAt(1)) && key.indexOf('/') < 0;
        }
        if (isFilePath(key)) {
            return true;
        }
        int digits = 0;
        int letters = 0;
        int separators = 0;
        for (int i = 0; i < length; i++) {
            char c = key.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c >= 'a' && c <= 'z') {
                letters++;
            } else if (c == '-' || c == '_' || c == '.' || c == ',') {
                separators++;
            } else {
                return false;
            }
        }
        if (digits < 3 || separators > 2 || length > 40) {
            return false;
        }
        boolean date = separators == 2 && length == 10 && key.charAt(4) == '-' && key.charAt(7) == '-';
        // sha256, rfc3339, iso8601: a short name of a standard, not a value. An IBAN (lt1210000111…) opens the same
        // way; its check digits tell it from a placeholder such as ac000…000.
        boolean standard = letters > 0
                && letters <= 4
                && separators == 0
                && Character.isLetter(key.charAt(0))
                && Character.isDigit(key.charAt(letters))
                && !isIban(key);
        return !date && !standard && letters >= 2 && length >= 6;
    }

    /**
     * An IBAN in lower case without spaces: a country's two letters, two check digits, then up to 30 letters and digits,
     * whose check digits hold (ISO 13616: moved to the end, letters as 10 to 35, the number is 1 modulo 97).
     */
    static boolean isIban(String key) {
        int length = key.length();
        if (length < MIN_IBAN
                || length > MAX_IBAN
                || !isLowerLetter(key.charAt(0))
                || !isLowerLetter(key.charAt(1))
                || !Character.isDigit(key.charAt(2))
                || !Character.isDigit(key.charAt(3))) {
            return false;
        }
        int remainder = 0;
        for (int k = 0; k < length; k++) {
            char c = key.charAt((k + 4) % length);
            if (c >= '0' && c <= '9') {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else if (isLowerLetter(c)) {
                remainder = (remainder * 100 + (c - 'a' + 10)) % 97;
            } else {
                return false;
            }
        }
        // ISO 7064 gives check digits 02 to 98: 00, 01 and 99 make a number that only looks checked.
        int check = (key.charAt(2) - '0') * 10 + (key.charAt(3) - '0');
        return remainder == 1 && check >= 2 && check <= 98;
    }

    private static boolean isLowerLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static final int MIN_IBAN = 15;
    private static final int MAX_IBAN = 34;

    /**
     * A number an account could be known by, after a number sign or none: six digits or more, or four or more with
     * one or two separators ("77-1111", "4471-22", "#0532013000"), and no date. Only a number the text names as an
     * account is one ({@code TokenCues} reads the word before it): bare numbers are counts, limits and ports far more
     * often, and a count may follow the word too ("per account: 5000 requests").
     */
    static boolean isAccountNumber(String key) {
        int digits = 0;
        int separators = 0;
        boolean date = key.length() == 10 && key.charAt(4) == '-' && key.charAt(7) == '-';
        for (int i = key.startsWith("#") ? 1 : 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '-' || c == '/' || c == '.') {
                separators++;
            } else {
                return false;
            }
        }
        return !date
                && separators <= 2
                && key.length() <= MAX_ACCOUNT
                && (digits >= MIN_BARE_ACCOUNT_DIGITS || digits >= MIN_ACCOUNT_DIGITS && separators > 0);
    }

    private static final int MIN_ACCOUNT_DIGITS = 4;
    private static final int MIN_BARE_ACCOUNT_DIGITS = 6;
    private static final int MAX_ACCOUNT = 34;

    /**
     * A path in the user's home, above the working directory, or absolute with two parts or more
     * ({@code ~/.ssh/id_rsa}, {@code ../../.env}, {@code /etc/shadow}): a fixed place an instruction can
     * send a read or a write to. (A token never holds a brace: the parts of a route beside a {@code {placeholder}}
     * are told apart by {@code TokenCues}, which sees the text around them.)
     */
    private static boolean isFilePath(String key) {
        if (key.startsWith("~/") || key.startsWith("../")) {
            return key.length() > 3;
        }
        if (key.length() < 5 || key.charAt(0) != '/' || !Character.isLetter(key.charAt(1))) {
            return false;
        }
        int second = key.indexOf('/', 2);
        return second > 0 && second + 1 < key.length() && key.indexOf("//") < 0;
    }
}
