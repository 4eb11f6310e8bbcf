package dev.vouch.scanner.intent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.scanner.input.ToolDefinition;
import dev.vouch.scanner.match.CaseFolding;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a tool's text is read against: its own name and arguments, and the names and arguments of the
 * other tools of the same set, which an instruction aimed at the agent names when it steers them.
 */
public final class ToolContext {

    /** Argument names shorter than this are too common ("to", "id", "q") to count as references on their own. */
    private static final int MIN_ARGUMENT_NAME = 4;

    private final String ownName;
    private final Set<String> ownArguments;
    private final ToolSet set;
    /** The argument whose own description is being read, or null. */
    private final String describedArgument;

    /** The words of the arguments' names, read once a tool and shared by the contexts of its arguments' texts. */
    private final ArgumentWords argumentWords;

    private ToolContext(String ownName, Set<String> ownArguments, ToolSet set) {
        this(ownName, ownArguments, set, null, new ArgumentWords(ownArguments));
    }

    private ToolContext(
            String ownName, Set<String> ownArguments, ToolSet set, String describedArgument, ArgumentWords words) {
        this.ownName = ownName;
        this.ownArguments = ownArguments;
        this.set = set;
        this.describedArgument = describedArgument;
        this.argumentWords = words;
    }

    /**
     * This context, reading the description of its own argument {@code name}: there, "Set the theme for the chart"
     * says what the argument is for, and the argument's name is no place a value is put into ("Set the
     * recipient to ops@…" keeps its address, its tampering and its schema).
     */
    public ToolContext describing(String name) {
        String key = name == null ? null : key(name);
        return key == null || !ownArguments.contains(key) || key.equals(describedArgument)
                ? this
                : new ToolContext(ownName, ownArguments, set, key, argumentWords);
    }

    /** The names and arguments of a whole tool set, read once per scan. */
    public static final class ToolSet {
        private final Map<String, Set<String>> argumentsByTool = new HashMap<>();
        /** Every argument name of the set: only whether a name is among them is asked, not how often. */
        private final Set<String> allArguments = new HashSet<>();
        /**
         * The name of each tool as the set spells it, by key: whether a name says the tool only reads
         * ({@link ToolNames}) is asked of the few that a text names, not of every tool of every scan.
         */
        private final Map<String, String> namesByKey = new HashMap<>();
        /** The answers asked so far, by key (a set is one scan's, read on its thread). */
        private final Map<String, Boolean> readOnly = new HashMap<>();
        /** The same for {@link #namesNoAct}. */
        private final Map<String, Boolean> noAct = new HashMap<>();
        /**
         * Every tool name and argument name above (and each tool's own arguments as its context holds them):
         * most tokens asked about are none of them, and the sieve says so before any hash is taken.
         */
        private final NameSieve sieve = new NameSieve();

        private ToolNames names;
        /** The tools of other servers beside the set: well-known servers', then those the registry holds. */
        private OtherTools others = OtherTools.NONE;
        /** Tool names that are plain words ("search"): prose can say them without meaning the tool. */
        private boolean plainWordNames;
        /** The keys of the tools named in camelCase ({@link #isCamelCaseTool}). */
        private final Set<String> camelCaseNames = new HashSet<>();

        public static ToolSet of(List<ToolDefinition> tools, ToolNames names) {
            return of(tools, names, OtherTools.NONE);
        }

        /** A set of tools beside which the agent has {@code others}, the tools of other servers. */
        public static ToolSet of(List<ToolDefinition> tools, ToolNames names, OtherTools others) {
            ToolSet set = new ToolSet();
            set.names = names;
            set.others = names.wellKnown().or(others);
            for (ToolDefinition tool : tools) {
                String spelled = tool.name();
                String name = key(spelled);
                if (name.isEmpty() || set.argumentsByTool.containsKey(name)) {
                    continue;
                }
                set.namesByKey.put(name, spelled);
                Set<String> arguments = arguments(tool.definition());
                set.addTool(spelled, arguments);
                set.plainWordNames = set.plainWordNames || isPlainWord(name);
                set.addArguments(arguments);
            }
            return set;
        }

        private void addTool(String spelled, Set<String> arguments) {
            String name = key(spelled);
            if (isCamelCase(spelled)) {
                camelCaseNames.add(name);
            }
            argumentsByTool.put(name, arguments);
            sieve.add(name);
            arguments.forEach(sieve::add);
        }

        private void addArguments(Iterable<String> arguments) {
            for (String argument : arguments) {
                allArguments.add(argument);
                sieve.add(argument);
            }
        }

        /** The context of one tool of this set. */
        public ToolContext of(ToolDefinition tool) {
            String name = key(tool.name());
            return new ToolContext(name, argumentsByTool.getOrDefault(name, Set.of()), this);
        }

        private boolean isReadOnly(String key) {
            String spelled = namesByKey.get(key);
            if (spelled == null) {
                return false;
            }
            return readOnly.computeIfAbsent(key, k -> names.readsOnly(spelled));
        }

        /** Whether the tool's name says no act ({@link ToolNames#saysItWrites}), read once a name, as names are long. */
        private boolean namesNoAct(String key) {
            String spelled = namesByKey.get(key);
            if (spelled == null || names == null) {
                return false;
            }
            return noAct.computeIfAbsent(key, k -> !names.saysItWrites(spelled));
        }

        /** The context of text that belongs to no tool (prompts, instructions): every tool is "other". */
        public ToolContext standalone() {
            return new ToolContext("", Set.of(), this);
        }
    }

    /** A context built from plain names, for tests and callers without tool definitions. */
    public static ToolContext of(
            String ownName, Set<String> ownArguments, Set<String> otherTools, Set<String> otherArguments) {
        ToolSet set = new ToolSet();
        Set<String> ownKeys = ownArguments.stream().map(ToolContext::key).collect(Collectors.toUnmodifiableSet());
        set.addTool(ownName, ownKeys);
        set.addArguments(ownKeys);
        for (String other : otherTools) {
            if (!set.argumentsByTool.containsKey(key(other))) {
                set.addTool(other, Set.of());
            }
            set.plainWordNames |= isPlainWord(other);
        }
        set.addArguments(otherArguments.stream().map(ToolContext::key).toList());
        return new ToolContext(key(ownName), ownKeys, set);
    }

    public String ownName() {
        return ownName;
    }

    /** Whether some tool of the set is named by a plain word, which only "the search tool"-like prose names. */
    public boolean hasPlainWordNames() {
        return set.plainWordNames;
    }

    public boolean isOtherTool(String key) {
        return set.sieve.mayHold(key) && !key.equals(ownName) && set.argumentsByTool.containsKey(key);
    }

    /**
     * Whether a tool of the set is named in camelCase ("sendEmail"), which a text written in capitals spells as one word
     * ("SENDEMAIL"): as that tool's name it is a name, where "SEARCH" may be a word.
     */
    public boolean isCamelCaseTool(String key) {
        return set.camelCaseNames.contains(key);
    }

    private static boolean isCamelCase(String name) {
        for (int i = 1; i < name.length(); i++) {
            if (Character.isUpperCase(name.charAt(i)) && Character.isLowerCase(name.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /** Whether this tool's own name says it only reads ({@code get_forecast}, {@code list_events}). */
    public boolean readsOnly() {
        return !ownName.isEmpty() && set.isReadOnly(ownName);
    }

    /**
     * Whether this tool says no act of its own: its name has no writing word ({@link ToolNames#saysItWrites}) and it
     * takes no argument that picks an act ({@code action}, {@code operation}: gitlab_package's "delete: Permanently
     * delete an entire package" describes one of its own).
     */
    public boolean namesNoAct() {
        return !ownName.isEmpty()
                && set.namesNoAct(ownName)
                && ACT_PICKERS.stream().noneMatch(ownArguments::contains);
    }

    private static final List<String> ACT_PICKERS = List.of("action", "operation", "op", "command");

    /** Another tool of the set whose name does not say it only reads. */
    public boolean isOtherWriteTool(String key) {
        return isOtherTool(key) && !set.isReadOnly(key);
    }

    /**
     * Whether a name is another server's tool that is no tool of this set (this one included, which the set holds):
     * a well-known server's ({@link ToolNames#wellKnown}) or one the registry holds ({@link OtherTools}). Beside its
     * siblings a call-like name is otherwise any code word, and alone it is read as a tool already, which this tells
     * to be one that may write.
     */
    public boolean isOtherServersTool(String key) {
        return !set.argumentsByTool.containsKey(key) && set.others.spelling(key) != null;
    }

    /** Another server's tool ({@link #isOtherServersTool}) whose name, as its server spells it, does not say it only reads. */
    public boolean isOtherServersWriteTool(String key) {
        return isOtherServersTool(key) && !nameSaysItOnlyReads(set.others.spelling(key));
    }

    /** Whether a tool name, as spelled, says the tool only reads ({@link ToolNames#readsOnly}). */
    public boolean nameSaysItOnlyReads(String spelled) {
        return set.names != null && set.names.readsOnly(spelled);
    }

    /** Whether the set holds tools besides this one; alone, a tool's call-like names may be any server's tools. */
    public boolean knowsOtherTools() {
        return set.argumentsByTool.size() > (ownName.isEmpty() ? 0 : 1);
    }

    /**
     * Whether the word {@code chars[start, end)} may be an argument of this tool, asked in place: false, for
     * most words of a text, before the phrases around the word are read or a key is made of it.
     */
    public boolean mayBeOwnArgument(char[] chars, int start, int end) {
        return !ownArguments.isEmpty() && set.sieve.mayHoldLowerCased(chars, start, end);
    }

    /**
     * Whether one of this tool's own arguments is meant to carry a credential ({@link TokenCues#namesASecret}, or a
     * name that ends in one: {@code githubtoken}) or the secret {@code text[span[0], span[1])} by a word of its name
     * ("connection string", {@code connection_string}). The arguments' words are read once a tool: a text may ask
     * this of every sentence, and a schema may hold thousands of arguments.
     */
    public boolean hasArgumentForSecret(String text, int[] span) {
        return argumentWords.holdFor(CaseFolding.lower(text.substring(span[0], span[1])));
    }

    /** The words of a tool's argument names, and whether one is named for a credential: read when first asked. */
    private static final class ArgumentWords {
        private final Set<String> arguments;
        private Set<String> words;
        private boolean credential;

        ArgumentWords(Set<String> arguments) {
            this.arguments = arguments;
        }

        boolean holdFor(String secret) {
            if (words == null) {
                read();
            }
            if (credential) {
                return true;
            }
            for (String word : NON_WORD.split(secret)) {
                if (word.length() >= MIN_ARGUMENT_NAME && words.contains(word)) {
                    return true;
                }
            }
            return false;
        }

        private void read() {
            Set<String> read = new HashSet<>();
            for (String argument : arguments) {
                read.addAll(Arrays.asList(NON_WORD.split(argument)));
                credential |= TokenCues.namesASecret(argument.replace('-', '_')) || endsInASecret(argument);
            }
            words = read;
        }

        private static boolean endsInASecret(String argument) {
            for (String secret : SECRET_ENDINGS) {
                if (argument.endsWith(secret)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** What a camelCase name meant for a credential ends in, lower-cased: {@code githubToken}, {@code smtpPassword}. */
    private static final String[] SECRET_ENDINGS = {"token", "apikey", "secret", "password", "passwd", "credentials"};

    public boolean isOwnArgument(String key) {
        return set.sieve.mayHold(key) && ownArguments.contains(key) && !key.equals(describedArgument);
    }

    /** An argument of another tool of the set, distinctive enough to be a reference. */
    public boolean isOtherArgument(String key) {
        return set.sieve.mayHold(key)
                && !ownArguments.contains(key)
                && set.allArguments.contains(key)
                && (key.length() >= MIN_ARGUMENT_NAME || key.indexOf('_') >= 0);
    }

    /** Letters alone (a loop: a stream per tool name showed in the profile). */
    private static boolean isPlainWord(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isLetter(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static String key(String name) {
        return CaseFolding.lower(name);
    }

    private static Set<String> arguments(JsonNode definition) {
        Set<String> names = new HashSet<>();
        for (String container : new String[] {"inputSchema", "arguments", "input_schema", "parameters"}) {
            JsonNode schema = definition.get(container);
            if (schema == null) {
                continue;
            }
            JsonNode properties = schema.path("properties");
            if (properties.isObject()) {
                for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
                    names.add(key(it.next()));
                }
            } else if (schema.isArray()) {
                // Docker's tools.json: "arguments": [{"name": …, "desc": …}]
                schema.forEach(argument -> {
                    if (argument.path("name").isTextual()) {
                        names.add(key(argument.path("name").asText()));
                    }
                });
            }
        }
        return names;
    }
}
