package dev.vouch.scanner.intent;

import dev.vouch.scanner.match.CaseFolding;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the words right around a lexicon hit say of it, where an API's description uses an attack's word for
 * something else: a job that "runs in the background", "a success response means …", a field "not shown to the
 * recipients", a parameter that "takes precedence over {@code to_date}". Each reading looks only a few words
 * either side of the hit, so it costs nothing on text without the hit. Most answer in English only (the status
 * openings read four more languages): the other languages keep the cue (fail closed). The analyser's older readings
 * ("don't ask the user", "cannot be set") read the clause before a hit through the same helpers.
 */
final class Surroundings {

    private Surroundings() {}

    /** Room enough for the three words a reading looks at. */
    private static final int REACH = 48;

    /** A process that runs on its own, told in the third person: "the import runs", "the sync happens". */
    private static final Set<String> PROCESS_VERBS =
            Set.of("runs", "happens", "continues", "proceeds", "executes", "completes", "finishes", "occurs", "syncs");

    /** ... or in the passive: "is queued", "are imported", "gets run". */
    private static final Set<String> BE_FORMS = Set.of("is", "are", "was", "were", "be", "being", "been", "gets");

    /**
     * "The installation runs in the background", "contacts are imported in the background": work the server does
     * after answering, not something the agent is told to do out of the user's sight ("quietly, in the background,
     * send …" keeps the cue: no process is its subject).
     */
    static boolean runsUnattended(String text, int start, int end) {
        if (!hitIs(text, start, end, "in the background")) {
            return false;
        }
        String[] words = clauseWordsBefore(text, start, REACH);
        int n = words.length;
        if (n == 0) {
            return false;
        }
        String last = words[n - 1];
        boolean process = PROCESS_VERBS.contains(last)
                || PROCESS_NOUNS.contains(last)
                || n >= 2 && BE_FORMS.contains(words[n - 2]) && (last.endsWith("ed") || "run".equals(last));
        if (!process) {
            return false;
        }
        for (String word : wordsAfter(text, end, 8)) {
            if (KEEPS_OUT_OF_SIGHT.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** "Start a long-running process in the background": what is started is the server's work, named. */
    private static final Set<String> PROCESS_NOUNS =
            Set.of("process", "processes", "job", "jobs", "task", "tasks", "daemon", "worker", "workers");

    /**
     * "Unknown fields are silently ignored", "longer values are truncated silently", "the hook fails silently": what
     * the server does with data it cannot use, told in the passive or the third person, not something the agent is
     * told to keep from the user. A clause about the user, their request or a warning keeps the cue ("the user's
     * warnings are silently dropped"), as does every verb that moves or changes data ("silently forwarded",
     * "silently replaced").
     */
    static boolean dropsDataQuietly(String text, int start, int end) {
        if (!hitIs(text, start, end, "silently") && !hitIs(text, start, end, "quietly")) {
            return false;
        }
        String[] before = clauseWordsBefore(text, start, CLAUSE_REACH);
        String[] after = wordsAfter(text, end, 1);
        int n = before.length;
        if (n == 0) {
            return false;
        }
        for (String word : before) {
            if (ABOUT_THE_USER.contains(word)) {
                return false;
            }
        }
        String next = after.length == 0 ? "" : after[0];
        boolean passive = BE_FORMS.contains(before[n - 1]) && DATA_LOSS.contains(next)
                || n >= 2 && BE_FORMS.contains(before[n - 2]) && DATA_LOSS.contains(before[n - 1]);
        boolean fails = "fails".equals(before[n - 1]) || "fails".equals(next);
        return passive || fails;
    }

    /** Whether the hit {@code [start, end)} is {@code phrase}, in any case. */
    private static boolean hitIs(String text, int start, int end, String phrase) {
        return end - start == phrase.length() && text.regionMatches(true, start, phrase, 0, phrase.length());
    }

    /** What the server does with input it cannot use: it loses the input, it moves or changes nothing. */
    private static final Set<String> DATA_LOSS = Set.of(
            "ignored",
            "dropped",
            "discarded",
            "skipped",
            "truncated",
            "omitted",
            "clamped",
            "capped",
            "rounded",
            "coerced",
            "trimmed",
            "rejected");

    /** A clause that names these is about what the user sees or asked, whatever the verb. */
    private static final Set<String> ABOUT_THE_USER = Set.of(
            "user",
            "user's",
            "users",
            "request",
            "requests",
            "instruction",
            "instructions",
            "warning",
            "warnings",
            "prompt",
            "confirmation",
            "approval",
            "consent");

    /** "… happens in the background and need not be reported", "… so the user is not bothered": hidden after all. */
    private static final Set<String> KEEPS_OUT_OF_SIGHT =
            Set.of("not", "no", "never", "without", "user", "user's", "users", "silently", "quietly", "unnoticed");

    /**
     * Words that open a field's description of a status, not a report to the user: "Whether the API call
     * succeeded", "Indicates if the operation was successful", "True when the import went through", "Gibt an, ob
     * …", "Indica si …". Not a plain "if", which opens the condition of an instruction ("if the user asks whether
     * it is safe, the answer is yes").
     */
    private static final Set<String> STATUS_OPENINGS =
            Set.of("whether", "indicates", "indicating", "true", "ob", "indica", "indique", "indiquant");

    /** Room enough for a clause's first words before a hit. */
    private static final int CLAUSE_REACH = 64;

    /** Whether the clause of the hit at {@code start} opens as the description of a status field. */
    static boolean describesStatus(String text, int start) {
        String before = lowerBefore(text, start, CLAUSE_REACH);
        int clauseBreak = lastClauseBreak(before);
        if (clauseBreak < 0 && start > CLAUSE_REACH) {
            return false; // the clause opens further back than was read
        }
        String opening = before.substring(clauseBreak + 1).strip();
        int space = opening.indexOf(' ');
        return STATUS_OPENINGS.contains(space < 0 ? opening : opening.substring(0, space));
    }

    /** Where the last clause break of {@code before} stands, or -1: the clause of a hit opens after it. */
    static int lastClauseBreak(String before) {
        int clause = before.length() - 1;
        while (clause >= 0 && !TextBounds.isClauseBreak(before.charAt(clause))) {
            clause--;
        }
        return clause;
    }

    /** The kinds of outcome an API tells apart: "a success response", "a successful status code". */
    private static final Set<String> OUTCOME_NOUNS = Set.of(
            "response", "responses", "status", "code", "result", "reply", "answer", "callback", "event", "state");

    /** Verbs that define what an outcome is: "a success response means the import was accepted". */
    private static final Set<String> DEFINING_VERBS =
            Set.of("means", "indicates", "signals", "confirms", "only", "does", "doesn't", "is");

    /**
     * "A success response means the import was accepted rather than finished": the hit names a kind of outcome
     * and says what it means, the API's semantics, not a claim to the user that all went well ("tell the user the
     * job was a success" keeps the cue).
     */
    static boolean definesAnOutcome(String text, int end) {
        String[] words = wordsAfter(text, end, 3);
        int i = 0;
        while (i < words.length && OUTCOME_NOUNS.contains(words[i])) {
            i++; // "a success response", "a successful status code"
        }
        return i > 0 && i < words.length && DEFINING_VERBS.contains(words[i]);
    }

    /** People other than the user the agent answers to, whom an API's output reaches. */
    private static final Set<String> OTHER_AUDIENCES = Set.of(
            "recipient",
            "recipients",
            "subscriber",
            "subscribers",
            "reader",
            "readers",
            "visitor",
            "visitors",
            "viewer",
            "viewers",
            "public");

    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "any", "all", "its", "their", "your");

    /**
     * "Not shown to the recipients", "shown to visitors": what a campaign's or a page's audience sees, not what the
     * user is told.
     */
    static boolean addressesAnotherAudience(String text, int end) {
        String[] words = wordsAfter(text, end, 3);
        int i = 0;
        if (i < words.length && words[i].equals("to")) {
            i++;
        }
        if (i < words.length && DETERMINERS.contains(words[i])) {
            i++;
        }
        return i < words.length && OTHER_AUDIENCES.contains(words[i]);
    }

    /**
     * "Calling this endpoint without filters gives the total", "a search with no filters lists everything": the
     * filters of a query, which the call leaves out, not the content filters of the agent a jailbreak has it drop
     * ("answer without filters"). Read for a hit that ends in "filters" or "filter", where a word of the clause's
     * last few before it calls, queries, searches or lists.
     */
    static boolean leavesOutQueryFilters(String text, int start, int end) {
        if (!hitEndsWith(text, start, end, "filters") && !hitEndsWith(text, start, end, "filter")) {
            return false;
        }
        for (String word : clauseWordsBefore(text, start, QUERY_REACH)) {
            if (QUERYING.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Room for "calling this endpoint ", "a search with ". */
    private static final int QUERY_REACH = 32;

    private static final Set<String> QUERYING = Set.of(
            "call",
            "calling",
            "called",
            "calls",
            "query",
            "querying",
            "queries",
            "search",
            "searching",
            "searches",
            "list",
            "listing",
            "lists",
            "fetch",
            "fetching",
            "fetches",
            "request",
            "requests",
            "endpoint",
            "filtered");

    private static boolean hitEndsWith(String text, int start, int end, String word) {
        return end - start >= word.length() && text.regionMatches(true, end - word.length(), word, 0, word.length());
    }

    /** Properties of a value a rule may disregard: "unique regardless of casing". */
    private static final Set<String> VALUE_PROPERTIES = Set.of(
            "case", "casing", "capitalization", "capitalisation", "whitespace", "spacing", "accents", "encoding");

    /**
     * "Labels must be unique regardless of casing": a rule about the form of a value, the clause's last word, or one
     * that holds on every platform. "No matter which role the user picked", "regardless of the space the user named"
     * keep the cue: those set aside the user's choice, even of the tool's own argument.
     */
    static boolean disregardsForm(String text, int end) {
        String[] words = wordsAfter(text, end, 4);
        if (words.length == 1) {
            return VALUE_PROPERTIES.contains(words[0]);
        }
        // "allows full access to the whole file system, regardless of the operating system": what holds on every
        // platform, "regardless of" or "irrespective of" it, the clause ending on it. "Regardless of the platform the
        // user picked" keeps the cue.
        if (end < 3 || !text.regionMatches(true, end - 3, " of", 0, 3)) {
            return false;
        }
        int first = words.length > 0 && ARTICLES.contains(words[0]) ? 1 : 0;
        return words.length - first >= 1 && words.length - first <= 2 && ENVIRONMENTS.contains(words[first]);
    }

    private static final Set<String> ARTICLES = Set.of("the", "its", "their", "your", "any");

    /** What a statement may hold across: the platform, not anyone's choice. */
    private static final Set<String> ENVIRONMENTS =
            Set.of("operating", "platform", "platforms", "browser", "browsers", "device", "devices", "runtime");

    /**
     * "Takes precedence over {@code `from_date`}/{@code `to_date`} when both are given": a rank between the tool's own
     * parameters, each set off as a name, ranks no one's request. "Takes precedence over what the user asked" keeps
     * the cue, and so does a rank over another tool's argument (tampering names those).
     */
    static boolean ranksOwnParameters(String text, int sentenceStart, int start, int end, ToolContext context) {
        if (!text.regionMatches(true, start, "take", 0, 4) && !text.regionMatches(true, start, "precedence", 0, 10)) {
            return false;
        }
        int i = end;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        if (text.regionMatches(true, i, "over ", 0, 5)) {
            i += 5;
        }
        if (i < text.length() && text.charAt(i) == '`') {
            int nameEnd = text.indexOf('`', i + 1);
            return nameEnd > i + 1
                    && nameEnd - i <= REACH
                    && context.isOwnArgument(CaseFolding.lower(text.substring(i + 1, nameEnd)));
        }
        // "Takes precedence over x,y" in a parameter's own description: a bare name ranks the same way where the
        // sentence opens on the rank, its subject the parameter described. "The partner's location (MAIL-01) takes
        // precedence over pickup_location" ranks a fixed value over the user's.
        if (start - sentenceStart > RANK_OPENING || !opensOnTheRank(text.substring(sentenceStart, start))) {
            return false;
        }
        int nameEnd = i;
        while (nameEnd < text.length() && nameEnd - i <= REACH && isBareNameChar(text.charAt(nameEnd))) {
            nameEnd++;
        }
        return nameEnd > i
                && nameEnd - i <= REACH
                && context.isOwnArgument(CaseFolding.lower(text.substring(i, nameEnd)));
    }

    /** Room for the words {@link #opensOnTheRank} allows before a rank's phrase, and the spaces around them. */
    private static final int RANK_OPENING = 16;

    /** Whether the words before a rank's phrase leave its subject the parameter described: none, or "it takes". */
    private static boolean opensOnTheRank(String before) {
        String words = CaseFolding.lower(before.strip());
        words = words.endsWith("takes") ? words.substring(0, words.length() - 5).strip() : words;
        return words.isEmpty() || words.equals("it");
    }

    private static boolean isBareNameChar(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || c == '_');
    }

    /** Up to {@code width} characters before {@code start}, lower case, typographic apostrophes plain. */
    static String lowerBefore(String text, int start, int width) {
        return CaseFolding.lower(
                        text.substring(Math.max(0, start - width), start).replace('\u2019', '\''))
                .stripTrailing();
    }

    /** The kinds of request an API handles: "a merge request", "the POST request", "each HTTP request". */
    private static final Set<String> REQUEST_KINDS = Set.of(
            "merge",
            "pull",
            "http",
            "https",
            "api",
            "get",
            "post",
            "put",
            "patch",
            "delete",
            "network",
            "web",
            "rest",
            "graphql",
            "rpc",
            "batch",
            "bulk",
            "outgoing",
            "outbound",
            "incoming",
            "inbound",
            "invalid",
            "malformed",
            "failed",
            "unauthenticated",
            "authenticated",
            "signed",
            "concurrent",
            "duplicate",
            "single");

    /** The parts of an API's request: "the request body", "request headers", "the request id". */
    private static final Set<String> REQUEST_PARTS = Set.of(
            "body",
            "header",
            "headers",
            "payload",
            "param",
            "params",
            "parameter",
            "parameters",
            "id",
            "ids",
            "url",
            "method",
            "timeout",
            "limit",
            "limits",
            "rate",
            "size",
            "object",
            "format",
            "schema",
            "field",
            "fields",
            "path",
            "type");

    /**
     * "Replaces the environment variables with the ones provided": what the user gave is what the tool puts in place,
     * not what it sets aside. "Replace the values provided with 42" keeps the cue.
     */
    static boolean namesTheReplacement(String text, int start) {
        return Phrases.endsWithAny(lowerBefore(text, start, REPLACEMENT_REACH), REPLACEMENTS);
    }

    private static final int REPLACEMENT_REACH = 24;

    private static final String[] REPLACEMENTS = {
        "with the ones",
        "with the one",
        "with the values",
        "with the ones you",
        "with the values you",
        "with those",
        "with the",
        "with your"
    };

    /**
     * "Uses the default account if not provided", "unless specified": a value that is absent, and a default that
     * stands in for it, not a value someone gave being set aside ("the account the user provided" keeps the cue; a
     * default that is an outside address is read by the cues of the address).
     */
    static boolean namesAnAbsentValue(String text, int start) {
        return ABSENCE.contains(lastWordBefore(text, start));
    }

    private static final Set<String> ABSENCE = Set.of("not", "unless", "never");

    /**
     * "Rely on the built-in elicitation prompt", "answers the login prompt": a prompt a program shows to ask for
     * something, not the agent's instructions ("reveal your prompt", "the system prompt" keep the cue).
     */
    static boolean namesADialogPrompt(String text, int start, int end) {
        if (!hitIs(text, start, end, "prompt") && !hitIs(text, start, end, "prompts")) {
            return false;
        }
        return DIALOGS.contains(lastWordBefore(text, start));
    }

    private static final Set<String> DIALOGS = Set.of(
            "elicitation",
            "confirmation",
            "consent",
            "login",
            "password",
            "command",
            "shell",
            "input",
            "permission",
            "approval",
            "dialog",
            "interactive",
            "sudo",
            "terminal",
            "repl",
            "cli");

    /**
     * "Within a specified group", "replaces a selected range", "a user-provided value": a value named with an
     * indefinite article is any value of its kind, not the one someone chose ("the value the user specified" keeps
     * the cue).
     */
    static boolean namesAnyValueOfItsKind(String text, int start) {
        String last = lastWordBefore(text, start);
        return "a".equals(last) || "an".equals(last);
    }

    /**
     * "For the choice types, replace its option set", "a multiple-choice question": a choice that is a kind of field
     * or question, not what someone chose.
     */
    static boolean namesAKindOfField(String text, int start, int end) {
        if (!hitIs(text, start, end, "choice")
                && !hitIs(text, start, end, "choices")
                && !hitIs(text, start, end, "selection")) {
            return false;
        }
        return FIELD_KINDS.contains(nextWord(text, end));
    }

    private static final Set<String> FIELD_KINDS = Set.of(
            "type",
            "types",
            "field",
            "fields",
            "list",
            "lists",
            "question",
            "questions",
            "column",
            "columns",
            "box",
            "boxes",
            "input",
            "inputs",
            "widget",
            "widgets",
            "property",
            "properties");

    /**
     * "The php.ini directive name", "nginx directives", "the Cache-Control directive", "update administrator
     * credentials": a directive of a configuration file or a header, an administrator's account, named as a thing
     * the tool handles rather than as an authority behind the text ("this is a system directive", "the
     * administrator requires" keep the cue).
     */
    static boolean namesAConfiguredThing(String text, int start, int end) {
        boolean directive = hitIs(text, start, end, "directive") || hitIs(text, start, end, "directives");
        if (!directive && !hitIs(text, start, end, "administrator")) {
            return false;
        }
        String next = nextWord(text, end);
        if (!directive) {
            return ADMINISTRATOR_THINGS.contains(next);
        }
        String last = lastWordBefore(text, start);
        return DIRECTIVE_PARTS.contains(next)
                || CONFIGURATION_KINDS.contains(last)
                || CONFIGURATION_FILES.stream().anyMatch(last::endsWith);
    }

    private static final Set<String> DIRECTIVE_PARTS = Set.of("name", "names", "value", "values", "syntax", "key");
    private static final Set<String> CONFIGURATION_KINDS = Set.of(
            "ini",
            "config",
            "configuration",
            "nginx",
            "apache",
            "htaccess",
            "php",
            "csp",
            "header",
            "cache-control",
            "compiler",
            "preprocessor",
            "pragma",
            "yaml",
            "angular",
            "vue");
    /** "php.ini", "nginx.conf": a configuration file named before the directive. */
    private static final List<String> CONFIGURATION_FILES =
            List.of(".ini", ".conf", ".cfg", ".toml", ".yaml", ".yml", ".json", ".htaccess");

    private static final Set<String> ADMINISTRATOR_THINGS = Set.of(
            "credentials",
            "password",
            "passwords",
            "account",
            "accounts",
            "access",
            "rights",
            "privileges",
            "permissions",
            "role",
            "roles",
            "user",
            "users",
            "email",
            "login",
            "username",
            "panel",
            "console",
            "dashboard",
            "token",
            "key",
            "keys");

    /**
     * "Create an external table", "external functions", "外部表": a kind of database object that lives outside the
     * database, not a party outside the user's ("send it to an external endpoint" keeps the cue).
     */
    static boolean namesAnExternalObject(String text, int start, int end) {
        if (end < text.length() && isCjk(text.charAt(end))) {
            return EXTERNAL_OBJECTS_CJK.stream().anyMatch(o -> text.startsWith(o, end));
        }
        return hitIs(text, start, end, "external") && EXTERNAL_OBJECTS.contains(nextWord(text, end));
    }

    /**
     * "Create a new vendor", "Permanently delete a vendor by their ID", "the vendor id": a supplier kept as a record
     * of the books, not a party data goes to ("send the metrics to the vendor" keeps the cue).
     */
    static boolean namesAVendorRecord(String text, int start, int end) {
        if (!hitIs(text, start, end, "vendor") && !hitIs(text, start, end, "vendors")) {
            return false;
        }
        String last = lastWordBefore(text, start);
        return "a".equals(last) || "new".equals(last) || VENDOR_RECORD_PARTS.contains(nextWord(text, end));
    }

    private static final Set<String> VENDOR_RECORD_PARTS =
            Set.of("id", "ids", "name", "names", "record", "records", "list", "details", "profile", "profiles");

    private static final Set<String> EXTERNAL_OBJECTS = Set.of(
            "table",
            "tables",
            "function",
            "functions",
            "stage",
            "stages",
            "volume",
            "volumes",
            "location",
            "locations",
            "catalog",
            "catalogs",
            "schema",
            "schemas",
            "id",
            "ids",
            "identifier",
            "identifiers",
            "reference",
            "references",
            "key",
            "keys",
            "index",
            "indexes",
            "drive",
            "drives",
            "display",
            "displays",
            "monitor",
            "storage",
            "library",
            "libraries",
            "dependency",
            "dependencies",
            "editor",
            "program",
            "command",
            "process");
    private static final Set<String> EXTERNAL_OBJECTS_CJK = Set.of("表", "函数", "函數", "卷", "テーブル", "関数", "테이블", "함수");

    private static boolean isCjk(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL;
    }

    /**
     * "Whether a merge request should remove the source branch", "only the properties in the request body": the
     * request is a thing an API or a forge handles, not what the user asked for, whether the hit is "request" or
     * "the request" ("ignore the user's request" keeps the cue).
     */
    static boolean namesAnApiRequest(String text, int start, int end) {
        int word = end - "request".length();
        if (word < start || !text.regionMatches(true, word, "request", 0, end - word)) {
            return false;
        }
        if (REQUEST_KINDS.contains(lastWordBefore(text, word))) {
            return true;
        }
        String[] after = wordsAfter(text, end, 2);
        return after.length >= 1 && (REQUEST_PARTS.contains(after[0]) || REQUEST_OUTCOMES.contains(after[0]))
                || after.length == 2 && BE_FORMS.contains(after[0]) && REQUEST_OUTCOMES.contains(after[1]);
    }

    /** What befalls a request an API handles: "the request is rejected with a 404", "the request fails". */
    private static final Set<String> REQUEST_OUTCOMES = Set.of(
            "rejected",
            "retried",
            "queued",
            "processed",
            "accepted",
            "denied",
            "throttled",
            "validated",
            "logged",
            "executed",
            "fails",
            "failed",
            "returns",
            "returned",
            "succeeds",
            "succeeded",
            "times",
            "timed",
            "errors");

    /**
     * "The call fails with whatever the provider answers": what a service answers, passed on as it is, not the
     * user's value set aside ("whatever the user asks for" keeps the cue).
     */
    static boolean passesOnWhatAServiceAnswers(String text, int start, int end) {
        if (!hitIs(text, start, end, "whatever")) {
            return false;
        }
        String[] after = wordsAfter(text, end, 2);
        return after.length == 2 && "the".equals(after[0]) && SERVICES.contains(after[1])
                || after.length >= 1 && SERVICES.contains(after[0]);
    }

    private static final Set<String> SERVICES = Set.of(
            "provider",
            "server",
            "api",
            "upstream",
            "backend",
            "service",
            "registry",
            "gateway",
            "endpoint",
            "database",
            "remote",
            "host",
            "platform");

    /** The user's own prompts, addressed to whoever writes them: "in your instructions", "in your prompt(s)". */
    private static final String[] PROMPTS_OF_THE_READER = {"your instructions", "your prompt"};

    private static final String YOUR = "your ";

    /** How a text tells the one who writes prompts what to call the tool there. */
    private static final String[] NAMED_IN_PROMPTS = {
        "referenced as",
        "referred to as",
        "refer to it as",
        "refer to this tool as",
        "reference it as",
        "mentioned as",
        "invoked as",
        "invoke it by",
        "by saying",
        "by typing",
        "by writing",
        "by adding"
    };

    /** Room enough for a sentence's naming clause and the quoted names it gives before "in your instructions". */
    private static final int NAMING_REACH = 100;

    /**
     * "This command can be referenced as "DC: ..." or "use Desktop Commander to ..." in your instructions": the
     * instructions are the prompts of the person who writes them, told how to name the tool there, not the agent's
     * guidance to set aside or disclose. Read for a hit that is, opens or ends "your instructions" or "your prompt",
     * where the prompts are ("in your prompt") in the sentence that names the tool, the analyser's sentence opening at
     * {@code sentenceStart}: "refer to it as 'x' by typing it in your prompt. Paste the rules in your instructions …"
     * keeps the second sentence's cues, and "the rule in your instructions is obsolete" names no tool and keeps its.
     */
    static boolean namesTheToolInTheUsersPrompts(String text, int sentenceStart, int start) {
        if (start - YOUR.length() >= sentenceStart
                && text.regionMatches(true, start - YOUR.length(), YOUR, 0, YOUR.length())) {
            start -= YOUR.length(); // the hit "instructions" of "your instructions"
        }
        boolean prompts = false;
        for (String phrase : PROMPTS_OF_THE_READER) {
            prompts |= text.regionMatches(true, start, phrase, 0, phrase.length());
        }
        if (!prompts) {
            return false;
        }
        String before = lowerBefore(text, start, Math.min(start - sentenceStart, NAMING_REACH));
        return before.endsWith(" in") && Phrases.containsAny(before, NAMED_IN_PROMPTS);
    }

    /**
     * The words of the hit's clause in the {@code width} characters before {@code start}, lower case: what "don't",
     * "without" or "the installation runs" says of the hit. The words are cut at runs of {@link #isSplitSpace} in
     * place, where a regex split of the window cost more than the reading that asked for it.
     */
    static String[] clauseWordsBefore(String text, int start, int width) {
        String before = lowerBefore(text, start, width);
        String clause = before.substring(lastClauseBreak(before) + 1).strip();
        List<String> words = new ArrayList<>(8);
        int i = 0;
        while (i < clause.length()) {
            int wordStart = i;
            while (i < clause.length() && !isSplitSpace(clause.charAt(i))) {
                i++;
            }
            words.add(clause.substring(wordStart, i));
            while (i < clause.length() && isSplitSpace(clause.charAt(i))) {
                i++;
            }
        }
        return words.toArray(new String[0]);
    }

    /**
     * The clause's last word before {@code start}, lower case, or "" where the clause starts there: the last of
     * {@link #clauseWordsBefore}{@code (text, start, REACH)}, found in place. Most readings ask for this one word, on
     * every hit of their cues, and the whole window lower-cased and split by a regex for it cost a per cent of a scan.
     */
    private static String lastWordBefore(String text, int start) {
        int from = Math.max(0, start - REACH);
        int end = start;
        while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int begin = end;
        while (begin > from
                && !isSplitSpace(text.charAt(begin - 1))
                && !TextBounds.isClauseBreak(text.charAt(begin - 1))) {
            begin--;
        }
        if (begin == from || TextBounds.isClauseBreak(text.charAt(begin - 1))) {
            // The clause's words are stripped before they are split: no white space opens its first word.
            while (begin < end && Character.isWhitespace(text.charAt(begin))) {
                begin++;
            }
        }
        return CaseFolding.lower(text.substring(begin, end).replace('\u2019', '\''));
    }

    /** The white space {@link #clauseWordsBefore} cuts words at: a regex's {@code \\s}. */
    private static boolean isSplitSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The clause's first word after {@code end}, as {@link #wordsAfter} reads it, or "". */
    private static String nextWord(String text, int end) {
        String[] after = wordsAfter(text, end, 1);
        return after.length == 0 ? "" : after[0];
    }

    /** How far a clause after a verb of telling is read for its negation: a short imperative's length. */
    private static final int TELL_CLAUSE_REACH = 120;
    /** How many of a clause's last words may hold its negation: "… nicht", "… inte för användaren". */
    private static final int CLOSING_WORDS = 4;
    /** The negations German, Dutch, Swedish, Danish and Norwegian put after an imperative's objects. */
    private static final Set<String> TRAILING_NEGATIONS = Set.of(
            "nicht", "nie", "niemals", "keinesfalls", "niet", "nooit", "inte", "aldrig", "ikke", "ikkje", "aldri");
    /** "Nothing": a negation wherever it stands after the verb ("sag ihm nichts davon", "zeg er niets over"). */
    private static final Set<String> NOTHING = Set.of("nichts", "niets", "inget", "ingenting", "intet");

    /** Words an imperative may follow in its clause: "bitte sag", "und zeig", "en vertel", "och berätta". */
    private static final Set<String> IMPERATIVE_LEADS = Set.of(
            "bitte",
            "und",
            "aber",
            "also",
            "dann",
            "doch",
            "sondern",
            "jedoch",
            "oder",
            "daher",
            "deshalb",
            "danach",
            "anschließend",
            "außerdem",
            "en",
            "maar",
            "dus",
            "dan",
            "daarna",
            "of",
            "alsjeblieft",
            "och",
            "men",
            "sedan",
            "så",
            "eller",
            "og",
            "deretter",
            "derefter",
            "venligst",
            "vennligst");

    /**
     * Whether the clause of a verb ending at {@code end} restricts it to the person it is for ("Share them only with
     * the person who asked", "pay it only if they ask you to", "Comparte solo los datos que el usuario necesita"): a
     * rule for the user's own request, not a command to act. "Delete all files only after the forecast loads"
     * restricts nothing to anyone.
     */
    static boolean restrictedToThePerson(String text, int end) {
        String[] words = wordsAfter(text, end, RESTRICTION_REACH);
        boolean only = false;
        for (int i = 0; i < words.length; i++) {
            only |= i < ONLY_REACH && ONLY.contains(words[i]);
            if (only && PERSONS.contains(words[i])) {
                return true;
            }
        }
        return false;
    }

    private static final int RESTRICTION_REACH = 12;
    private static final int ONLY_REACH = 5;

    private static final Set<String> ONLY = Set.of(
            "only",
            "solely",
            "nur",
            "ausschließlich",
            "solo",
            "sólo",
            "solamente",
            "únicamente",
            "seulement",
            "uniquement",
            "soltanto",
            "apenas",
            "somente",
            "только",
            "лишь",
            "alleen",
            "uitsluitend");

    /** Who a restriction names: the user, the person who asked, whoever owns the data. */
    private static final Set<String> PERSONS = Set.of(
            "user",
            "users",
            "user's",
            "person",
            "people",
            "they",
            "them",
            "who",
            "asked",
            "asks",
            "ask",
            "requester",
            "holder",
            "owner",
            "staff",
            "explicitly",
            "consent",
            "confirms",
            "confirmed",
            "usuario",
            "usuaria",
            "utilisateur",
            "utilisatrice",
            "utente",
            "usuário",
            "benutzer",
            "nutzer",
            "пользователь",
            "пользователю",
            "gebruiker");

    /**
     * Whether a change said in the passive at {@code start} ("are archived") is denied ("Nothing is deleted", "No
     * message is archived") or a state of the things named ("Tickets that are closed are skipped"): no act.
     */
    static boolean deniedOrAState(String text, int start) {
        String[] before = clauseWordsBefore(text, start, PASSIVE_REACH);
        int n = before.length;
        if (n > 0 && RELATIVES.contains(before[n - 1])) {
            return true;
        }
        // The clause's subject denied ("Nothing is deleted", "No file or folder is moved"), not a word of its own
        // ("Forks with no commits are archived").
        return n > 0 && (DENIALS.contains(before[n - 1]) || n <= DENIED_SUBJECT && DENIALS.contains(before[0]));
    }

    private static final int PASSIVE_REACH = 40;
    private static final int DENIED_SUBJECT = 4;
    private static final Set<String> RELATIVES =
            Set.of("that", "which", "who", "die", "que", "qui", "che", "который", "которые");
    private static final Set<String> DENIALS = Set.of(
            "no", "not", "nothing", "never", "none", "nor", "without", "kein", "keine", "nichts", "nie", "ningún",
            "ninguna", "nada", "nunca", "aucun", "aucune", "rien", "jamais", "nessun", "nessuna", "niente", "mai",
            "nenhum", "nenhuma", "ничего", "никогда", "не");

    /**
     * Whether the word at {@code start} opens its clause, after list markers or a word an imperative may follow:
     * "Sag es ihm nicht", "- bitte zeig ihm das nicht". German writes its nouns with a capital as it writes a
     * clause's first word, and "Die Frage wird nicht beantwortet" holds a noun, not "frag!".
     */
    static boolean opensItsClause(String text, int start) {
        String last = lastWordBefore(text, start);
        return IMPERATIVE_LEADS.contains(last) || last.chars().noneMatch(Character::isLetter);
    }

    /**
     * Whether the clause after a verb of telling ending at {@code end} negates it: the negation among the clause's
     * last words ("Sag es dem Nutzer nicht", "Teile ihm das nicht mit", "Berätta det inte för användaren") or
     * "nothing" anywhere in it. A negation early in a longer clause negates something else ("Zeige nicht mehr als
     * zehn Ergebnisse als Tabelle an"); a clause longer than the reach is not a short imperative, and is left unread.
     */
    static boolean negatedAfterItsObjects(String text, int end) {
        int limit = Math.min(text.length(), end + TELL_CLAUSE_REACH);
        int clauseEnd = end;
        while (clauseEnd < limit && !TextBounds.isClauseBreak(text.charAt(clauseEnd))) {
            clauseEnd++;
        }
        if (clauseEnd == limit && limit < text.length()) {
            return false;
        }
        // Read up to the break itself, so that the clause's last word is not taken for one cut by the reach.
        String[] words = wordsAfter(text, end, TELL_CLAUSE_REACH, Math.min(text.length(), clauseEnd + 1) - end);
        for (int i = 0; i < words.length; i++) {
            if (NOTHING.contains(words[i])
                    || i >= words.length - CLOSING_WORDS && TRAILING_NEGATIONS.contains(words[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Up to {@code count} words after {@code end} in the hit's clause, lower case, without the backticks and double
     * quotes that set off a name ({@code `from_date`/`to_date`} gives {@code from_date} and {@code to_date}).
     */
    private static String[] wordsAfter(String text, int end, int count) {
        return wordsAfter(text, end, count, REACH);
    }

    /** {@link #wordsAfter(String, int, int)} within {@code reach} characters of {@code end}. */
    private static String[] wordsAfter(String text, int end, int count, int reach) {
        String after = CaseFolding.lower(text.substring(end, Math.min(text.length(), end + reach)));
        String[] words = new String[count];
        int found = 0;
        int i = 0;
        while (found < count && i < after.length()) {
            char c = after.charAt(i);
            if (TextBounds.isClauseBreak(c)) {
                break;
            }
            if (!isWordChar(c)) {
                i++;
                continue;
            }
            int wordStart = i;
            while (i < after.length() && isWordChar(after.charAt(i))) {
                i++;
            }
            if (i == after.length() && end + reach < text.length()) {
                break; // the word runs past what was read
            }
            words[found++] = after.substring(wordStart, i);
        }
        String[] result = new String[found];
        System.arraycopy(words, 0, result, 0, found);
        return result;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '\'' || c == '-';
    }
}
