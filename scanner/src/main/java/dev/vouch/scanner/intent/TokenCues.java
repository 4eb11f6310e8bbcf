package dev.vouch.scanner.intent;

import dev.vouch.scanner.match.CaseFolding;
import dev.vouch.scanner.match.CharTables;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cues a lexicon cannot hold, found in the original text's tokens: the names of the other tools of
 * the set and of their arguments, the tools of other servers (well-known ones and the registry's), the tool's own
 * name and arguments where a value is put into them, other call-like identifiers, addresses, fixed values, quoted
 * literals and authority markup.
 */
final class TokenCues {

    private static final int LITERAL_LOOKBACK = 14;
    private static final int MAX_LITERAL = 120;

    private TokenCues() {}

    /**
     * One pass over the original text's tokens: tool names, arguments, identifiers, addresses, literals,
     * markup, reading the text's characters from {@code chars} (read, not kept).
     */
    static void mark(String text, char[] chars, ToolContext context, List<Map<Cue, int[]>> cues, int[] sentenceStarts) {
        int length = chars.length;
        int i = 0;
        while (i < length) {
            char c = chars[i];
            if (c == '<' || c == '[') {
                int close = markupEnd(text, i);
                if (close > 0) {
                    mark(cues, sentenceStarts, Cue.MARKUP, i, close);
                }
            }
            if (c == '"' || c == '\'' || c == '`' || c == '\u201c' || c == '\u2018') {
                if (literalContext(text, i) && !namesADefault(text, i)) {
                    int close = closingQuote(text, i);
                    if (close > 0
                            && !namesToolOrArgument(text, i + 1, close, context)
                            && !isRoute(text, i + 1, close)) {
                        mark(cues, sentenceStarts, Cue.LITERAL, i, close + 1);
                    }
                }
            }
            if (!isTokenChar(c)) {
                i++;
                continue;
            }
            if (isDigit(c) || CharTables.isAsciiLetter(c)) {
                int grouped = groupedNumberEnd(chars, i);
                if (grouped > 0) {
                    mark(cues, sentenceStarts, Cue.VALUE, i, grouped);
                }
            }
            int start = i;
            // Where the token stops being a plain word, found in the same pass: its plain letters first,
            // one question a character (most tokens are plain), then whatever of the token is left.
            if (isPlainWordChar(c, true)) {
                i++;
                while (i < length && isPlainLetter(chars[i])) {
                    i++;
                }
            }
            int plainUntil = i;
            while (i < length && isTokenChar(chars[i])) {
                i++;
            }
            int end = i;
            while (end > start && isTrailing(chars[end - 1])) {
                end--;
            }
            if (end > start) {
                token(text, chars, start, end, plainUntil >= end, context, cues, sentenceStarts);
            }
        }
    }

    /**
     * Where a number written in groups of four ends ("DE44 5001 0517 5407 3249 31", "5412 7500 0000 3321", "6222 0212
     * 3456 7890 123"): four groups or more, one space apart, each of four digits but the last (one to four), the first
     * perhaps an IBAN's country and check digits. A card, an account or an IBAN as people write them, which no one
     * token of it shows; lists of ports, sizes or status codes ("8080 8443 9090", "429 500 502") are not written so.
     * At most {@link #MAX_GROUPS} groups are read from any start, so a long run costs a bounded read per token.
     * -1 where none starts at {@code from}.
     */
    private static int groupedNumberEnd(char[] chars, int from) {
        int i = from;
        if (CharTables.isAsciiLetter(chars[i])) {
            if (i + 3 >= chars.length
                    || !CharTables.isAsciiLetter(chars[i + 1])
                    || !isDigit(chars[i + 2])
                    || !isDigit(chars[i + 3])) {
                return -1;
            }
            i += 2;
        }
        int groups = 0;
        int end = -1;
        while (groups < MAX_GROUPS) {
            int groupStart = i;
            while (i < chars.length && i - groupStart < GROUP && isDigit(chars[i])) {
                i++;
            }
            boolean spaced = i + 1 < chars.length && (chars[i] == ' ' || chars[i] == '\u00a0') && isDigit(chars[i + 1]);
            boolean ends = i >= chars.length || !CharTables.isLetterOrDigit(chars[i]);
            if (i - groupStart == 0 || !ends) {
                break;
            }
            int width = groups == 0 ? i - from : i - groupStart;
            if (width < GROUP && (groups == 0 || spaced)) {
                // Only the last group may be short.
                break;
            }
            groups++;
            end = i;
            if (width < GROUP || !spaced) {
                break;
            }
            i++;
        }
        return groups >= MIN_GROUPS ? end : -1;
    }

    private static final int GROUP = 4;
    private static final int MIN_GROUPS = 4;
    private static final int MAX_GROUPS = 9;

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static void token(
            String text,
            char[] chars,
            int start,
            int end,
            boolean plainWord,
            ToolContext context,
            List<Map<Cue, int[]>> cues,
            int[] sentenceStarts) {
        if (isPlaceholder(text, start, end) || isMethodOfARoute(text, start, end) || isPathOfARoute(text, start)) {
            return;
        }
        if (plainWord
                && !(start > 0 && isQuote(text.charAt(start - 1)))
                && !(context.hasPlainWordNames() && namedAsTool(text, chars, start, end))) {
            // "paste it into notes", "permission should be admin": a plain-word argument of this tool, named
            // where a value goes or is fixed.
            if (context.mayBeOwnArgument(chars, start, end)
                    && (namedAsArgument(text, chars, start, end) || namedForAValue(text, chars, start, end))) {
                String word = CaseFolding.lower(text.substring(start, end));
                if (context.isOwnArgument(word) && !namedForCredential(word)) {
                    mark(cues, sentenceStarts, Cue.OWN_ARG, start, end);
                }
            }
            return;
        }
        String token = text.substring(start, end);
        String key = sameLengthLowerCase(token);
        int at = key.indexOf('@');
        if (key.contains("://") || key.startsWith("www.")) {
            int scheme = key.indexOf("://");
            if (!Values.atReservedDomain(key, scheme < 0 ? 0 : scheme + 3)) {
                mark(cues, sentenceStarts, Cue.URL, start, end);
            }
            return;
        }
        if (at > 0 && key.indexOf('.', at) > at + 1 && isLocalPartChar(key.charAt(at - 1))) {
            if (!Values.atReservedDomain(key, at + 1)) {
                // git@github.com:org/repo.git, deploy@host:/srv: a remote location, as a URL is, not an address.
                mark(cues, sentenceStarts, isSshLocation(text, key, at, end) ? Cue.URL : Cue.EMAIL, start, end);
            }
            return;
        }
        int equals = key.indexOf('=');
        if (equals > 0 && equals < key.length() - 1) {
            mark(cues, sentenceStarts, Cue.LITERAL, start, end);
            key = key.substring(0, equals);
            end = start + equals;
        }
        int call = key.indexOf('(');
        if (call > 0) {
            key = key.substring(0, call);
        }
        int qualified = qualifiedToolStart(key);
        if (qualified > 0) {
            markServerQualifiedTool(
                    text,
                    key.substring(qualified),
                    context,
                    cues,
                    sentenceStarts,
                    start,
                    qualified,
                    start + key.length());
            return;
        }
        if (Values.isFixedValue(key) && !partOfARoute(text, start, end)
                || Values.isAccountNumber(key) && namedAsAccount(text, chars, start)) {
            mark(cues, sentenceStarts, Cue.VALUE, start, end);
            return;
        }
        int dot = key.indexOf('.');
        int lastDot = key.lastIndexOf('.');
        if (lastDot > 0
                && isConstantName(text, start + lastDot + 1, start + key.length())
                && namesASecret(key.substring(lastDot + 1))) {
            // process.env.OPENAI_API_KEY, env.GITHUB_TOKEN: a secret's variable read through its environment.
            mark(cues, sentenceStarts, Cue.SENSITIVE, start, end);
            return;
        }
        if (dot > 0 && context.isOtherTool(key.substring(0, dot))) {
            // send_email.bcc: another tool's argument, addressed through its tool.
            otherTool(text, key.substring(0, dot), context, cues, sentenceStarts, start, start + dot);
            mark(cues, sentenceStarts, Cue.ARG_REF, start, end);
            return;
        }
        boolean quoted = start > 0 && isQuote(text.charAt(start - 1));
        // {"tool": "send_email"}, {"send_email": true}: a quoted key or value is data, not a name the text uses.
        boolean quotedData = quoted && (isObjectKey(text, start + key.length()) || isObjectValue(text, start - 1));
        boolean compound = isCompound(chars, start, start + key.length())
                || isCapitals(chars, start, start + key.length()) && context.isCamelCaseTool(key);
        // get-weather: a hyphenated word that is exactly another tool's name means that tool.
        boolean hyphenated = key.indexOf('-') > 0;
        if (context.isOtherTool(key) && (compound || hyphenated || quoted || namedAsTool(text, chars, start, end))) {
            otherTool(text, key, context, cues, sentenceStarts, start, end);
        } else if (!context.ownName().isEmpty() && key.equals(context.ownName()) && (compound || quoted)) {
            mark(cues, sentenceStarts, Cue.OWN_NAME, start, end);
        } else if ((compound || quoted) && context.isOtherArgument(key)) {
            mark(cues, sentenceStarts, Cue.ARG_REF, start, end);
        } else if (context.isOwnArgument(key)) {
            if ((compound || quoted || namedAsArgument(text, chars, start, end)) && !namedForCredential(key)) {
                mark(cues, sentenceStarts, Cue.OWN_ARG, start, end);
            }
        } else if (isConstantName(text, start, start + key.length())
                && (context.knowsOtherTools() || namesASecret(key))) {
            // Scanned alone, GMAIL_SEND_EMAIL may name a tool of the set; a variable named for a secret never does.
            if (namesASecret(key)) {
                mark(cues, sentenceStarts, Cue.SENSITIVE, start, end);
            }
        } else if ((compound || quoted) && !quotedData && context.isOtherServersTool(key)) {
            // send_email or `write_file` beside a weather server's tools: another server's tool the agent may have
            // as well, steered from here as a sibling would be.
            otherTool(text, key, context, cues, sentenceStarts, start, end);
        } else if ((compound || (quoted && text.charAt(start - 1) == '`'))
                && !quotedData
                && !context.isOwnArgument(key)
                && !key.contains("/")
                && !key.contains(".")) {
            // Scanned without its siblings, a tool cannot tell their names from other code words: a
            // call-like name is read as a tool of the set.
            mark(cues, sentenceStarts, context.knowsOtherTools() ? Cue.IDENTIFIER : Cue.OTHER_TOOL, start, end);
        }
    }

    /**
     * The token in lower case, one char for one: offsets into the key are offsets into the text. Lower-casing a
     * string can lengthen it ("İ" is "i̇"), and a token that ended the text then read past its end.
     */
    private static String sameLengthLowerCase(String token) {
        String lower = CaseFolding.lower(token);
        if (lower.length() == token.length()) {
            return lower;
        }
        char[] chars = token.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    /**
     * Where the tool's own name starts in a name qualified by its server as clients write it to the model
     * ({@code mcp__gmail__send_email}: the marks, the server, the marks, the tool), or -1. A server's own names that
     * merely open on the marks ({@code mcp__getDsl}) are no qualified names.
     */
    static int qualifiedToolStart(String key) {
        if (!key.startsWith(SERVER_QUALIFIED)) {
            return -1;
        }
        int marks = key.indexOf("__", SERVER_QUALIFIED.length() + 1);
        return marks > 0 && marks + 2 < key.length() ? marks + 2 : -1;
    }

    private static final String SERVER_QUALIFIED = "mcp__";

    /**
     * A server-qualified name is a tool by construction: this tool, a sibling, or another server's tool, which may
     * write where its name, as spelled, does not say it only reads.
     */
    private static void markServerQualifiedTool(
            String text,
            String tool,
            ToolContext context,
            List<Map<Cue, int[]>> cues,
            int[] sentenceStarts,
            int start,
            int toolStart,
            int end) {
        if (tool.equals(context.ownName())) {
            mark(cues, sentenceStarts, Cue.OWN_NAME, start, end);
            return;
        }
        otherTool(text, tool, context, cues, sentenceStarts, start, end);
        if (!context.isOtherTool(tool)
                && !context.isOtherServersTool(tool)
                && !context.nameSaysItOnlyReads(text.substring(start + toolStart, end))) {
            mark(cues, sentenceStarts, Cue.WRITE_TOOL, start, end);
        }
    }

    private static void otherTool(
            String text,
            String key,
            ToolContext context,
            List<Map<Cue, int[]>> cues,
            int[] sentenceStarts,
            int start,
            int end) {
        mark(cues, sentenceStarts, Cue.OTHER_TOOL, start, end);
        if (context.isOtherWriteTool(key) || context.isOtherServersWriteTool(key)) {
            mark(cues, sentenceStarts, Cue.WRITE_TOOL, start, end);
        }
        int arrow = yields(text, end);
        if (arrow > 0) {
            mark(cues, sentenceStarts, Cue.PURPOSE, start, arrow);
        }
    }

    /**
     * "Requires: case_file_create → caseFileId": a tool followed by an arrow is named as the source of
     * what the arrow points at. Returns where the arrow ends, or -1.
     */
    private static int yields(String text, int end) {
        int i = end;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        if (i < text.length() && (text.charAt(i) == '\u2192' || text.charAt(i) == '\u21d2')) {
            return i + 1;
        }
        if (i + 1 < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '=') && text.charAt(i + 1) == '>') {
            return i + 2;
        }
        return -1;
    }

    /**
     * A character of a plain word: letters alone, lower case after the first. A plain word is prose,
     * unless named as a tool or quoted.
     */
    private static boolean isPlainWordChar(char c, boolean first) {
        return c >= 'a' && c <= 'z' || first && c >= 'A' && c <= 'Z' || c >= 0x80 && CharTables.isLetter(c);
    }

    /** A character of a plain word after its first that is also a token's: Latin letters beyond ASCII are. */
    private static boolean isPlainLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 0x80 && isTokenChar(c) && CharTables.isLetter(c);
    }

    /**
     * OPENAI_API_KEY, NODE_ENV: upper-case snake names are environment variables and constants, which
     * set-up notes name all the time; the tools of a set whose names are known are not among them.
     */
    private static boolean isConstantName(String text, int start, int end) {
        boolean underscore = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            underscore |= c == '_';
        }
        return underscore;
    }

    /**
     * The words of {@link #namedForCredential}, read as whole words of a constant's name, where a
     * substring would find "pat" in PATH; and the short forms constants use.
     */
    private static final Set<String> SECRET_WORDS = Set.of(
            "key",
            "apikey",
            "token",
            "secret",
            "password",
            "passwd",
            "pwd",
            "auth",
            "credential",
            "credentials",
            "cookie",
            "pat");
    /** PRIMARY_KEY, SORT_KEY: a database's keys are columns, not secrets. */
    private static final Set<String> COLUMN_KEYS = Set.of("primary", "foreign", "sort", "partition", "hash", "range");

    /**
     * An argument of this tool meant to carry a credential, by any part of its name ("author" too): a credential put
     * there is where it belongs, so its name is no place a value is steered into. Broader than {@link #namesASecret},
     * which reads a name by its words; the model's inputs were fitted with this reading.
     */
    private static boolean namedForCredential(String key) {
        return key.contains("key")
                || key.contains("token")
                || key.contains("secret")
                || key.contains("password")
                || key.contains("auth")
                || key.contains("credential")
                || key.contains("cookie");
    }

    /** GITHUB_TOKEN, OPENAI_API_KEY: a variable named for a secret holds one. */
    static boolean namesASecret(String lowerName) {
        String[] words = lowerName.split("_");
        for (int i = 0; i < words.length; i++) {
            if (SECRET_WORDS.contains(words[i])
                    && !(words[i].equals("key") && i > 0 && COLUMN_KEYS.contains(words[i - 1]))) {
                return true;
            }
        }
        return false;
    }

    /** snake_case, kebab-case with an underscore or camelCase: a name in code, not a word of prose. */
    private static boolean isCompound(char[] text, int start, int end) {
        // Read from the text's chars, ASCII answered by ranges: it runs for every token that is not a plain word.
        boolean letter = false;
        for (int i = start; i < end; i++) {
            char c = text[i];
            if (c == '_' && letter && i + 1 < end && CharTables.isLetterOrDigit(text[i + 1])) {
                return true;
            }
            if (isUpperCase(c) && i > start && isLowerCase(text[i - 1])) {
                return true;
            }
            letter |= CharTables.isLetter(c);
        }
        return false;
    }

    /** "SENDEMAIL": letters, each a capital, two or more. */
    private static boolean isCapitals(char[] text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text[i] < 'A' || text[i] > 'Z') {
                return false;
            }
        }
        return end - start >= 2;
    }

    private static boolean isUpperCase(char c) {
        return c < 0x80 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
    }

    private static boolean isLowerCase(char c) {
        return c < 0x80 ? c >= 'a' && c <= 'z' : Character.isLowerCase(c);
    }

    /** "into notes", "in path", "the content field": a word named as the place a value goes. */
    private static boolean namedAsArgument(String text, char[] chars, int start, int end) {
        // Runs for every plain word: the letter before and the letter after say which phrase alone could
        // stand there (no character beyond ASCII lower-cases to n, o, e, f, p or a), so only it is compared.
        char before = start >= 3 ? lower(chars[start - 2]) : ' ';
        boolean afterIn = switch (before) {
            case 'n' -> precedes(text, chars, start, "in ");
            case 'o' -> precedes(text, chars, start, "into ");
            case 'e' -> precedes(text, chars, start, "into the ") || precedes(text, chars, start, "in the ");
            default -> false;
        };
        if (afterIn) {
            return true;
        }
        char after = end + 1 < chars.length ? lower(chars[end + 1]) : ' ';
        return switch (after) {
            case 'f' -> follows(text, chars, end, " field");
            case 'p' ->
                follows(text, chars, end, " parameter")
                        || follows(text, chars, end, " param")
                        || follows(text, chars, end, " property");
            case 'a' -> follows(text, chars, end, " argument");
            default -> false;
        };
    }

    /**
     * "permission should be admin", "set priority to low", "use mode disarmed", "template: always promo": a
     * word named as the argument a value is fixed for. An argument's own line in an "Args:" list ("query:
     * the search text") is not: only a colon followed by "always" fixes a value.
     */
    private static boolean namedForAValue(String text, char[] chars, int start, int end) {
        // Every plain word of a text that may be an argument is asked: the letter before the space before it
        // (after it, for the phrases that follow) picks the few phrases that can stand there.
        boolean afterVerb = switch (start >= 2 ? lower(chars[start - 2]) : ' ') {
            case 't' -> precedesWord(text, chars, start, "set ");
            case 'e' ->
                precedesWord(text, chars, start, "use ")
                        || precedesWord(text, chars, start, "change ")
                        || precedesWord(text, chars, start, "set the ")
                        || precedesWord(text, chars, start, "use the ")
                        || precedesWord(text, chars, start, "change the ");
            default -> false;
        };
        if (afterVerb) {
            return true;
        }
        if (end >= chars.length) {
            return false;
        }
        if (chars[end] == ':') {
            return follows(text, chars, end, ": always ");
        }
        return switch (end + 1 < chars.length ? lower(chars[end + 1]) : ' ') {
            case 's' ->
                follows(text, chars, end, " should be ")
                        || follows(text, chars, end, " should always be ")
                        || follows(text, chars, end, " shall be ");
            case 'm' -> follows(text, chars, end, " must be ") || follows(text, chars, end, " must always be ");
            case 'i' -> follows(text, chars, end, " is always ");
            case 'a' -> follows(text, chars, end, " always ");
            case 'h' -> follows(text, chars, end, " has to be ");
            case 'n' -> follows(text, chars, end, " needs to be ");
            default -> false;
        };
    }

    /** {@link Character#toLowerCase(char)}, ASCII by its case bit. */
    private static char lower(char c) {
        return c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c) : Character.toLowerCase(c);
    }

    /**
     * Whether a placeholder stands next to the token in {@code [start, end)}: {@code
     * /api/v1/profiles/{profileUuid}/contacts} documents an endpoint's route, its parts name no fixed place.
     */
    private static boolean partOfARoute(String text, int start, int end) {
        if (start > 0 && text.charAt(start - 1) == '}') {
            return true;
        }
        int i = end;
        while (i < text.length() && text.charAt(i) == '/') {
            i++;
        }
        return i > end && i < text.length() && text.charAt(i) == '{';
    }

    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    /**
     * "Use `GET /api/v1/profiles/{profileUuid}/contacts` instead": a quoted HTTP method and path, or a path
     * with a placeholder, names an endpoint of the API the tool wraps, not a value handed over. A file
     * path ({@code /etc/passwd}) has neither and stays a literal.
     */
    private static boolean isRoute(String text, int start, int end) {
        // Searched within the quote alone: an unbounded search from every quote of a long text without spaces
        // would read the text once a quote.
        int space = start;
        while (space < end && text.charAt(space) != ' ') {
            space++;
        }
        if (space + 1 < end && isMethodOfARoute(text, start, space)) {
            return true;
        }
        if (text.charAt(start) != '/') {
            return false;
        }
        for (int i = start; i + 1 < end; i++) {
            if (text.charAt(i) == '/' && text.charAt(i + 1) == '{') {
                return true;
            }
        }
        return false;
    }

    /**
     * "reports the version from GET /api/v4/version": the path after an HTTP method names an endpoint of the API the
     * tool wraps, quoted or not, as {@link #isRoute} reads a quoted one; its "v4" is no id handed over.
     */
    private static boolean isPathOfARoute(String text, int start) {
        if (start < 2 || text.charAt(start) != '/' || text.charAt(start - 1) != ' ') {
            return false;
        }
        int method = start - 1;
        while (method > 0 && text.charAt(method - 1) >= 'A' && text.charAt(method - 1) <= 'Z') {
            method--;
        }
        return (method == 0 || !Character.isLetterOrDigit(text.charAt(method - 1)))
                && HTTP_METHODS.contains(text.substring(method, start - 1));
    }

    /** The GET of "GET /api/v1/contacts": a method of a route, not a name in code. */
    private static boolean isMethodOfARoute(String text, int start, int end) {
        return end + 1 < text.length()
                && text.charAt(end) == ' '
                && text.charAt(end + 1) == '/'
                && HTTP_METHODS.contains(text.substring(start, end));
    }

    /**
     * The {@code profileUuid} of {@code /profiles/{profileUuid}/contacts}: a route's placeholder names the
     * part of a path an argument fills, it puts no value into the argument.
     */
    private static boolean isPlaceholder(String text, int start, int end) {
        return start >= 2
                && text.charAt(start - 1) == '{'
                && text.charAt(start - 2) == '/'
                && end < text.length()
                && text.charAt(end) == '}';
    }

    /**
     * Whether the address-like token ending at {@code end} is an SSH location: {@code git@github.com:org/repo.git}
     * and {@code deploy@host:/srv} go on past a colon with no space, where an address ends ("to ops@acme.io: it").
     */
    private static boolean isSshLocation(String text, String key, int at, int end) {
        if (key.indexOf(':', at) >= 0 || key.indexOf('/', at) >= 0) {
            return true;
        }
        return end + 1 < text.length() && text.charAt(end) == ':' && !Character.isWhitespace(text.charAt(end + 1));
    }

    /**
     * A character an address may end its local part with: {@code curl -F file=@report.pdf} names a file to
     * upload, not an address.
     */
    private static boolean isLocalPartChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == '+' || c == '%';
    }

    private static boolean namedAsTool(String text, char[] chars, int start, int end) {
        return follows(text, chars, end, " tool")
                || follows(text, chars, end, " function")
                || follows(text, chars, end, "()")
                || precedes(text, chars, start, "call ")
                || precedes(text, chars, start, "invoke ")
                || precedes(text, chars, start, "run the ")
                || precedes(text, chars, start, "use the ")
                || precedes(text, chars, start, "tool ");
    }

    /**
     * Whether the word before {@code start}, past spaces, a colon, a number sign or "no.", names an account: "to account
     * 77-1111", "IBAN: 0532013000", "Konto Nr. 4471".
     */
    private static boolean namedAsAccount(String text, char[] chars, int start) {
        int at = start;
        while (at > 0 && (chars[at - 1] == ' ' || chars[at - 1] == ':' || chars[at - 1] == '#')) {
            at--;
        }
        for (String number : NUMBER_WORDS) {
            if (precedesWord(text, chars, at, number)) {
                at -= number.length();
                while (at > 0 && chars[at - 1] == ' ') {
                    at--;
                }
                break;
            }
        }
        for (String account : ACCOUNT_WORDS) {
            if (precedesWord(text, chars, at, account)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] NUMBER_WORDS = {"number", "no.", "nr.", "nº", "n°", "num", "no", "nr"};

    private static final String[] ACCOUNT_WORDS = {
        "account",
        "acct",
        "iban",
        "konto",
        "kontonummer",
        "cuenta",
        "compte",
        "conto",
        "conta",
        "rekening",
        "счет",
        "счёт",
        "счета",
        "счёта",
        "账户",
        "账号",
        "帳戶",
        "口座",
        "계좌"
    };

    /** As {@link #precedes}, {@code what} a word of its own: "set ", not the end of "reset ". */
    private static boolean precedesWord(String text, char[] chars, int at, String what) {
        int from = at - what.length();
        return precedes(text, chars, at, what) && (from == 0 || !Character.isLetter(chars[from - 1]));
    }

    /** Whether {@code what} (lower case) ends just before {@code at}, in any case. */
    private static boolean precedes(String text, char[] chars, int at, String what) {
        return follows(text, chars, at - what.length(), what);
    }

    /**
     * Whether {@code what} (lower case) stands at {@code at}, in any case: {@code text.regionMatches(true, at,
     * what, 0, what.length())}, read from the text's chars. These run for most words, and nearly every one is
     * ruled out at its first characters: ASCII is compared by its case bit, where the string's comparison
     * upper- and lower-cased both sides of every character. Beyond ASCII a character may still match (the
     * Kelvin sign is a k to a case-blind comparison), so there the string's comparison decides.
     */
    private static boolean follows(String text, char[] chars, int at, String what) {
        int length = what.length();
        if (at < 0 || at > chars.length - length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            char c = chars[at + k];
            if (c >= 0x80) {
                return text.regionMatches(true, at, what, 0, length);
            }
            char expected = what.charAt(k);
            if (c != expected && !(expected >= 'a' && expected <= 'z' && (c | 0x20) == expected)) {
                return false;
            }
        }
        return true;
    }

    private static boolean literalContext(String text, int quote) {
        if (!mayEndLiteralLead(text, quote)) {
            return false;
        }
        int from = Math.max(0, quote - LITERAL_LOOKBACK);
        if (!isAscii(text, from, quote)) {
            return endsWithLead(CaseFolding.lower(text.substring(from, quote)).stripTrailing());
        }
        // ASCII lower-cases char for char and strips the same characters: the leads are compared in place,
        // where a lower-cased copy was made for every quote that might follow one.
        int end = quote;
        while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        for (String lead : LITERAL_LEADS) {
            int length = lead.length();
            if (end - from >= length && text.regionMatches(true, end - length, lead, 0, length)) {
                return true;
            }
        }
        return false;
    }

    private static final int DEFAULT_LOOKBACK = 24;

    /**
     * "optional, default is 'default'", "defaults to `private`": a value named as an argument's default is
     * documented, not handed over; what the agent passes is still its own choice.
     */
    private static boolean namesADefault(String text, int quote) {
        String before = Surroundings.lowerBefore(text, quote, DEFAULT_LOOKBACK);
        for (String lead : DEFAULT_LEADS) {
            if (before.endsWith(lead)) {
                String named =
                        before.substring(0, before.length() - lead.length()).stripTrailing();
                boolean aDefault =
                        named.endsWith("default") || named.endsWith("defaults") || named.endsWith("default value");
                // "set the default to 'ops-77'" fixes a value as any "set … to" does.
                return aDefault
                        && !(lead.equals(" to") && SETS_A_DEFAULT.matcher(named).find());
            }
        }
        return false;
    }

    private static final Pattern SETS_A_DEFAULT = Pattern.compile("\\b(set|change|make|switch|update)\\b");

    private static final String[] DEFAULT_LEADS = {" to", " is", ":", "="};

    private static final String[] LITERAL_LEADS = {
        " to", " as", "=", ":", " with", " value", " be", " is", " use", " append", " add", " include", " always"
    };

    private static boolean endsWithLead(String before) {
        for (String lead : LITERAL_LEADS) {
            if (before.endsWith(lead)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAscii(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the last character before {@code quote} (spaces aside, within the look-back) can end one of
     * the leads {@link #literalContext} knows: apostrophes in prose are frequent, and most are ruled out
     * here without a lower-cased copy. Beyond ASCII it may (only the full test decides).
     */
    private static boolean mayEndLiteralLead(String text, int quote) {
        int from = Math.max(0, quote - LITERAL_LOOKBACK);
        int i = quote - 1;
        while (i >= from && text.charAt(i) < 0x80 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        if (i < from) {
            return false;
        }
        char c = text.charAt(i);
        return c >= 0x80 || "osSOeEhHdD=:".indexOf(c) >= 0;
    }

    /**
     * "To change anything, use `create_record`": a quoted name of a tool or of an argument of the set is
     * a reference to it, not a value handed over.
     */
    private static boolean namesToolOrArgument(String text, int start, int end, ToolContext context) {
        String name = CaseFolding.lower(text.substring(start, end));
        return context.isOtherTool(name)
                || context.isOtherServersTool(name)
                || name.equals(context.ownName())
                || context.isOwnArgument(name)
                || context.isOtherArgument(name);
    }

    private static int closingQuote(String text, int open) {
        char c = text.charAt(open);
        char close = c == '\u201c' ? '\u201d' : c == '\u2018' ? '\u2019' : c;
        int limit = Math.min(text.length(), open + MAX_LITERAL + 1);
        for (int i = open + 1; i < limit; i++) {
            if (text.charAt(i) == close) {
                return i > open + 1 ? i : -1;
            }
        }
        return -1;
    }

    /** {@code <important>}, {@code </system>}, {@code [SYSTEM]}: a tag of letters alone. */
    private static int markupEnd(String text, int open) {
        char close = text.charAt(open) == '<' ? '>' : ']';
        int i = open + 1;
        if (i < text.length() && text.charAt(i) == '/') {
            i++;
        }
        int letters = 0;
        while (i < text.length()
                && (CharTables.isLetter(text.charAt(i))
                        || text.charAt(i) == '_'
                        || text.charAt(i) == '-'
                        || text.charAt(i) == ' ')
                && i - open < 40) {
            letters += CharTables.isLetter(text.charAt(i)) ? 1 : 0;
            i++;
        }
        if (i >= text.length() || text.charAt(i) != close || letters < 3) {
            return -1;
        }
        String name =
                CaseFolding.lower(text.substring(open + 1, i).replace("/", "").strip());
        boolean authority = name.contains("important")
                || name.contains("system")
                || name.contains("instruction")
                || name.contains("admin")
                || name.contains("critical")
                || name.contains("note")
                || name.contains("priority")
                || name.contains("assistant")
                || name.contains("ai")
                || name.contains("hidden")
                || name.contains("override")
                || name.contains("mandatory")
                || name.contains("required")
                || name.contains("warning")
                || name.contains("secret")
                || name.contains("directive")
                || name.contains("rule")
                || name.contains("policy")
                || name.contains("context")
                || name.contains("compliance")
                || name.contains("security");
        return authority ? i + 1 : -1;
    }

    private static void mark(List<Map<Cue, int[]>> cues, int[] sentenceStarts, Cue cue, int start, int end) {
        int sentence = Arrays.binarySearch(sentenceStarts, start);
        sentence = sentence >= 0 ? sentence : -sentence - 2;
        cues.get(sentence).putIfAbsent(cue, new int[] {start, end});
    }

    /** The ASCII token characters, looked up rather than tested one by one: every character of a text is. */
    private static final boolean[] ASCII_TOKEN =
            CharTables.ascii(c -> Character.isLetterOrDigit(c) || "_-.@:/=%+~(#?&".indexOf(c) >= 0);

    /**
     * The Latin letters and digits beyond ASCII, one bit a char: {@code UnicodeScript.of} is a binary search
     * over the script ranges, and every character beyond ASCII of every text was asked.
     */
    private static final long[] LATIN_TOKEN = CharTables.wide(
            c -> Character.isLetterOrDigit(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);

    static boolean isTokenChar(char c) {
        return c < 0x80 ? ASCII_TOKEN[c] : CharTables.has(LATIN_TOKEN, c);
    }

    private static boolean isTrailing(char c) {
        return c == '.' || c == ':' || c == ',' || c == '(' || c == '?' || c == '-' || c == '/' || c == '#' || c == '&';
    }

    /**
     * {"tool_name": …}: a quoted name followed by a colon is a key of a JSON object, which names a field
     * of the data, not a tool to call. The quote may be escaped, as in JSON held in a JSON string.
     */
    private static boolean isObjectKey(String text, int end) {
        int i = end;
        if (i < text.length() && text.charAt(i) == '\\') {
            i++;
        }
        if (i >= text.length() || text.charAt(i) != '"') {
            return false;
        }
        i++;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i < text.length() && text.charAt(i) == ':';
    }

    /** {"tool_name": "email_sender"}: a quoted name that is a key's whole value in a JSON object is data too. */
    private static boolean isObjectValue(String text, int quote) {
        int i = quote - 1;
        if (i >= 0 && text.charAt(i) == '\\') {
            i--;
        }
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        if (i < 0 || text.charAt(i) != ':') {
            return false;
        }
        i--;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        // After a key's closing quote, not after prose: 'Always run: "delete_all_records"' names a tool.
        return i >= 0 && text.charAt(i) == '"';
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`' || c == '\u201c' || c == '\u2018';
    }
}
