package dev.vouch.scanner.intent;

import dev.vouch.scanner.match.CaseFolding;
import dev.vouch.scanner.match.KeywordAutomaton;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a text as a sequence of sentences and marks what each one does: whom it addresses, what it
 * demands, what it triggers on, which other tools and arguments it names, what it asks of their calls,
 * what authority it claims, what it hides, what it touches. Linear in the length of the text: one
 * folding pass, one pass for sentence and clause bounds ({@link TextBounds}), one automaton pass, one
 * token pass.
 */
public final class InstructionAnalyzer {

    private final Lexicon lexicon;

    public InstructionAnalyzer(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * One sentence and its cues, each with the span (in the analysed text) of its first occurrence.
     * {@code mask} holds one bit per cue present (a sentence's neighbourhood ORs them);
     * {@code imperativeDescription} says it opens with a verb that both describes a tool and instructs ("Get the
     * forecast", "Read a file"), read as a description.
     */
    public record Sentence(
            int start,
            int end,
            Map<Cue, int[]> cues,
            boolean disguised,
            int index,
            long mask,
            boolean imperativeDescription) {

        public boolean has(Cue cue) {
            return (mask & (1L << cue.ordinal())) != 0;
        }

        // Fixed-arity forms of hasAny: the sentence loop asks dozens of these a sentence, and each varargs
        // call allocated its array, the scan's largest allocation once the vectors were trimmed.
        public boolean hasAny(Cue a, Cue b) {
            return (mask & (bit(a) | bit(b))) != 0;
        }

        public boolean hasAny(Cue a, Cue b, Cue c) {
            return (mask & (bit(a) | bit(b) | bit(c))) != 0;
        }

        public boolean hasAny(Cue a, Cue b, Cue c, Cue d) {
            return (mask & (bit(a) | bit(b) | bit(c) | bit(d))) != 0;
        }

        public boolean hasAny(Cue a, Cue b, Cue c, Cue d, Cue e) {
            return (mask & (bit(a) | bit(b) | bit(c) | bit(d) | bit(e))) != 0;
        }

        private static long bit(Cue cue) {
            return 1L << cue.ordinal();
        }

        public boolean hasAny(Cue... any) {
            for (Cue cue : any) {
                if ((mask & (1L << cue.ordinal())) != 0) {
                    return true;
                }
            }
            return false;
        }

        /** The same sentence, answering {@code has} for the cues of its neighbours too. */
        public Sentence withNeighbours(long neighbours) {
            return new Sentence(start, end, cues, disguised, index, mask | neighbours, imperativeDescription);
        }
    }

    public List<Sentence> analyse(String text, ToolContext context) {
        return analyse(text, FoldedText.of(text), context);
    }

    /** The sentences of {@code text}, already folded (the caller reads its words from the same folding). */
    public List<Sentence> analyse(String text, FoldedText folded, ToolContext context) {
        char[] chars = folded.chars();
        TextBounds bounds = TextBounds.of(chars);
        SentenceCues cues = new SentenceCues(bounds.count());
        // Each sentence's original span, worked out once for the readings of its hits, the token pass and the
        // sentence alike.
        int[][] spans = new int[bounds.count()][];
        int[] originalStarts = new int[bounds.count()];
        for (int s = 0; s < bounds.count(); s++) {
            spans[s] = folded.originalSpan(bounds.start(s), bounds.end(s));
            originalStarts[s] = s == 0 ? 0 : spans[s][0];
        }
        long startOnly = lexicon.startOnlyMask();
        lexicon.match(chars, (hit, start, end) -> {
            int s = bounds.sentenceOf(start);
            // The first hit of a cue in a sentence is its span; a later one needs no span worked out.
            long said = hit & ~EFFECT;
            if ((hit & ACTION_VERBS) != 0 && ClauseCommands.opens(text, folded, bounds, start, end)) {
                // "Rewrite the body", "Delete all files": a verb of action that opens its clause is a command,
                // whether or not the imperative list names it. A verb of the effect list alone ("Block size
                // defaults to 4 KB", "Star counts are cached") is one only where it acts on things, and a phrase of
                // it ("place an order") holds its own object.
                boolean onThings = (hit & ACTS_ON_THINGS) != 0 && ClauseCommands.actsOnThings(chars, start, end);
                boolean effectPhrase = (hit & EFFECT) != 0 && ClauseCommands.isPhrase(chars, start, end);
                if ((hit & ACTION_VERBS & ~EFFECT) != 0 || onThings || effectPhrase) {
                    said |= IMPERATIVE;
                }
                if (onThings && (hit & DESTRUCTIVE) != 0) {
                    said |= DESTROY;
                }
                if (onThings || effectPhrase) {
                    said |= hit & EFFECT;
                }
            }
            long fresh = said & ~cues.mask(s);
            if (fresh != 0 && !bounds.isClauseStart(start)) {
                fresh &= ~startOnly;
            }
            if ((fresh & ACTS) != 0 && isAssignedTo(chars, end)) {
                fresh &= ~ACTS;
            }
            if (fresh == 0) {
                return;
            }
            if (Lexicon.insideName(chars, start, end) && isName(chars, start, context)) {
                return;
            }
            int[] original = folded.originalSpan(start, end);
            for (long rest = fresh; rest != 0; rest &= rest - 1) {
                Cue read = reading(CUES[Long.numberOfTrailingZeros(rest)], text, original, originalStarts[s], context);
                if (read != null) {
                    cues.get(s).putIfAbsent(read, original);
                }
            }
        });
        describeThirdPerson(chars, bounds, cues, folded);
        boolean[] imperativeDescription = resolveOpening(cues);
        TokenCues.mark(text, folded.source(), context, cues, originalStarts);
        List<Sentence> result = new ArrayList<>(bounds.count());
        for (int s = 0; s < bounds.count(); s++) {
            int[] span = spans[s];
            boolean disguised = folded.disguised() && !folded.foldsAsWritten(bounds.start(s), bounds.end(s));
            result.add(
                    new Sentence(span[0], span[1], cues.read(s), disguised, s, cues.mask(s), imperativeDescription[s]));
        }
        return result;
    }

    private static final Cue[] CUES = Cue.values();

    /** The cues of a verb: what a word that names a field ({@link #isAssignedTo}) does not ask for. */
    private static final long ACTS = Cue.mask(
            Cue.IMPERATIVE,
            Cue.COMMAND,
            Cue.CALL,
            Cue.TAMPER,
            Cue.SIDE_EFFECT,
            Cue.DESTRUCTIVE,
            Cue.DESTROY,
            Cue.EFFECT);

    /** The cues of verbs that do something: one that opens a clause commands it. */
    private static final long ACTION_VERBS =
            Cue.mask(Cue.TAMPER, Cue.SIDE_EFFECT, Cue.DESTRUCTIVE, Cue.CALL, Cue.EFFECT);

    /**
     * The verbs whose command acts on things: a deletion ({@link Cue#DESTROY}), a change, message or payment
     * ({@link Cue#EFFECT}). The lexicon's list of effects counts only where one opens a clause so.
     */
    private static final long ACTS_ON_THINGS = Cue.mask(Cue.DESTRUCTIVE, Cue.EFFECT);

    private static final long EFFECT = Cue.mask(Cue.EFFECT);

    private static final long IMPERATIVE = Cue.mask(Cue.IMPERATIVE);
    private static final long DESTRUCTIVE = Cue.mask(Cue.DESTRUCTIVE);
    private static final long DESTROY = Cue.mask(Cue.DESTROY);

    /**
     * "Example: id='abc123', email='new@acme.com'", "delete = true": a word a value is assigned to names a field
     * of an example or a configuration; it asks for nothing. A secret's name keeps its cue ("password=…").
     */
    static boolean isAssignedTo(char[] folded, int end) {
        int i = end;
        while (i < folded.length && folded[i] == ' ') {
            i++;
        }
        return i < folded.length && folded[i] == '=' && (i + 1 == folded.length || folded[i + 1] != '=');
    }

    /**
     * What the hit of {@code cue} at {@code original} says: the cue, another one, or nothing (null). "Should
     * not ask the user for permission", "please don't pause to ask the user": a safeguard denied is one to
     * skip, as in "without asking".
     */
    private static Cue reading(Cue cue, String text, int[] original, int sentenceStart, ToolContext context) {
        if (cue == Cue.PROTECT && consentDenied(text, original[0])) {
            return Cue.CONCEAL;
        }
        if (cue == Cue.COMMAND) {
            return Cue.IMPERATIVE;
        }
        if (cue == Cue.TELL) {
            return Surroundings.opensItsClause(text, original[0])
                            && Surroundings.negatedAfterItsObjects(text, original[1])
                    ? Cue.CONCEAL
                    : null;
        }
        return refuted(cue, text, original, sentenceStart, context) ? null : cue;
    }

    /**
     * Whether the hit of {@code cue} at {@code original}, in the sentence that starts at {@code sentenceStart}, says
     * something else than the cue.
     */
    private static boolean refuted(Cue cue, String text, int[] original, int sentenceStart, ToolContext context) {
        return switch (cue) {
            case SENSITIVE ->
                partOfArgumentName(text, original, context)
                        || Surroundings.namesTheToolInTheUsersPrompts(text, sentenceStart, original[0])
                        || Surroundings.namesADialogPrompt(text, original[0], original[1]);
            case AGENT, GUIDANCE ->
                Surroundings.namesTheToolInTheUsersPrompts(text, sentenceStart, original[0])
                        || cue == Cue.GUIDANCE && Surroundings.namesAConfiguredThing(text, original[0], original[1])
                        || cue == Cue.GUIDANCE && Surroundings.leavesOutQueryFilters(text, original[0], original[1]);
            case CONCEAL ->
                Phrases.endsWithAny(Surroundings.lowerBefore(text, original[0], LOOK_BEHIND), ALTERNATIVE_NOT_TAKEN)
                        || Surroundings.runsUnattended(text, original[0], original[1])
                        || Surroundings.dropsDataQuietly(text, original[0], original[1]);
            case WITHHOLD, REPORT -> Surroundings.addressesAnotherAudience(text, original[1]);
            case REQUEST, USER ->
                Surroundings.namesAnApiRequest(text, original[0], original[1])
                        || Surroundings.namesTheReplacement(text, original[0])
                        || Surroundings.namesAnyValueOfItsKind(text, original[0])
                        || Surroundings.namesAKindOfField(text, original[0], original[1])
                        || cue == Cue.REQUEST && Surroundings.namesAnAbsentValue(text, original[0]);
            case EXTERNAL ->
                Surroundings.namesAnExternalObject(text, original[0], original[1])
                        || Surroundings.namesAVendorRecord(text, original[0], original[1]);
            case AUTHORITY, DEMOTE, DISMISS ->
                cue == Cue.AUTHORITY && Surroundings.namesAConfiguredThing(text, original[0], original[1])
                        || cue == Cue.DEMOTE && Surroundings.passesOnWhatAServiceAnswers(text, original[0], original[1])
                        || Surroundings.ranksOwnParameters(text, sentenceStart, original[0], original[1], context)
                        || Surroundings.disregardsForm(text, original[1])
                        || cue == Cue.DISMISS && Surroundings.leavesOutQueryFilters(text, original[0], original[1]);
            case OVERRIDE, OUTPUT_CONTROL ->
                QuotedExamples.isQuotedExample(text, original[0], original[1])
                        || Surroundings.namesTheToolInTheUsersPrompts(text, sentenceStart, original[0]);
            case TAMPER, DESTRUCTIVE, DESTROY, SIDE_EFFECT -> isNegated(text, original[0]);
            case EFFECT ->
                isNegated(text, original[0])
                        || QuotedExamples.isQuoted(text, original[0], original[1])
                        || Surroundings.restrictedToThePerson(text, original[1]);
            case EFFECT_DONE -> Surroundings.deniedOrAState(text, original[0]);
            case ALL_WELL ->
                Phrases.endsWithAny(Surroundings.lowerBefore(text, original[0], LOOK_BEHIND), NOT_WELL)
                        || Surroundings.describesStatus(text, original[0])
                        || Surroundings.definesAnOutcome(text, original[1]);
            case MODAL ->
                text.regionMatches(true, original[0], "need", 0, 4)
                        && Phrases.endsWithAny(Surroundings.lowerBefore(text, original[0], LOOK_BEHIND), NO_NEED);
            default -> false;
        };
    }

    /**
     * The cues of each sentence, a map made only for a sentence that gets one (many get none: a map each
     * was a twelfth of what a scan allocated), its keys as bits.
     */
    private static final class SentenceCues extends AbstractList<Map<Cue, int[]>> {
        private final CueMap[] maps;

        SentenceCues(int count) {
            maps = new CueMap[count];
        }

        /** The cues of sentence {@code s}, to be written. */
        @Override
        public Map<Cue, int[]> get(int s) {
            CueMap map = maps[s];
            if (map == null) {
                map = new CueMap();
                maps[s] = map;
            }
            return map;
        }

        /** The cues of sentence {@code s} as they stand, none if it got none. */
        Map<Cue, int[]> read(int s) {
            return maps[s] == null ? Map.of() : maps[s];
        }

        /** The cues of sentence {@code s} as the bits of {@link Sentence#mask}: what the lexicon need not give again. */
        long mask(int s) {
            return maps[s] == null ? 0 : maps[s].keys();
        }

        @Override
        public int size() {
            return maps.length;
        }
    }

    /**
     * "token" in {@code continuation_token}, "key" in {@code byApiKey}: a word inside the name of an
     * argument of the tool set names where a value goes, not a secret to take.
     */
    private static boolean partOfArgumentName(String text, int[] span, ToolContext context) {
        int start = span[0];
        int end = span[1];
        while (start > 0 && isNameChar(text.charAt(start - 1))) {
            start--;
        }
        while (end < text.length() && isNameChar(text.charAt(end))) {
            end++;
        }
        if (start == span[0] && end == span[1]) {
            return false;
        }
        String name = CaseFolding.lower(text.substring(start, end));
        return context.isOwnArgument(name) || context.isOtherArgument(name);
    }

    private static final String[] NEGATIONS = {
        "cannot be", "can't be", "can not be", "cannot", "can't", "not be", "never be", "won't be", "will not be",
        "is not", "are not", "isn't", "aren't", "does not", "doesn't", "is never", "are never", "nothing is",
        "no need to", "need not", "needn't"
    };

    /** Room enough for the four words {@link #consentDenied} reads. */
    private static final int FOUR_WORDS = 52;

    private static final Set<String> DENIALS = Set.of(
            "not",
            "never",
            "don't",
            "dont",
            "without",
            "needn't",
            "shouldn't",
            "mustn't",
            "won't",
            "cannot",
            "can't",
            "skip",
            "skipping",
            "bypass");

    /**
     * Whether one of the three words before {@code start} (or "without" as the fourth), in its clause, denies what
     * follows: "don't pause to ask the user", "should not ask the user", "no need to check with the user", "skip
     * asking the user", "without asking the user for confirmation".
     */
    private static boolean consentDenied(String text, int start) {
        String[] words = Surroundings.clauseWordsBefore(text, start, FOUR_WORDS);
        for (int i = Math.max(0, words.length - 3); i < words.length; i++) {
            if (DENIALS.contains(words[i]) || "need".equals(words[i]) && i > 0 && "no".equals(words[i - 1])) {
                return true;
            }
        }
        // "without asking the user for confirmation": "without" governs a whole phrase, "not" only its verb
        // ("do not pay before you ask the user" asks them).
        return words.length >= 4 && "without".equals(words[words.length - 4]);
    }

    /**
     * "returns an error instead of silently applying the request": what "instead of" and "rather than" name is
     * what does not happen, a concealment ruled out.
     */
    private static final String[] ALTERNATIVE_NOT_TAKEN = {
        "instead of", "rather than", "statt", "anstatt", "en lugar de", "au lieu de", "invece di", "em vez de"
    };

    /** "the job was not successfully applied", "it has never succeeded": all is not well. */
    private static final String[] NOT_WELL = {
        "not",
        "never",
        "no longer",
        "isn't",
        "wasn't",
        "aren't",
        "weren't",
        "hasn't",
        "didn't",
        "nicht",
        "nie",
        "pas",
        "jamais",
        "non",
        "não",
        "nunca"
    };

    /**
     * "fields ui_policy and catalog_variable cannot be set via REST", "the source is never modified": a
     * negated change describes a limit of the API, not a change to make.
     */
    private static boolean isNegated(String text, int start) {
        return Phrases.endsWithAny(Surroundings.lowerBefore(text, start, LOOK_BEHIND), NEGATIONS);
    }

    /**
     * "so there is no need to change what the user typed": a need denied is no demand. Where the need
     * denied is the user's consent ("no need to ask the user"), the dismiss cue reads it. Only "need" is
     * read so: Spanish puts its "no" before every modal ("No debes mencionar…" forbids).
     */
    private static final String[] NO_NEED = {"no"};

    /** How far back a negation of a hit is looked for: "cannot be", "no need to". */
    private static final int LOOK_BEHIND = 14;

    /**
     * Whether the snake_case word around {@code start} is a name: one the tool set holds, or short as
     * names are ({@code create_transfer}, {@code delete_user_data}). A sentence joined with underscores
     * ({@code always_read_the_ssh_key_and_send_it}) is still read as one.
     */
    private static boolean isName(char[] folded, int start, ToolContext context) {
        int begin = start;
        while (begin > 0 && (KeywordAutomaton.isWordChar(folded[begin - 1]) || folded[begin - 1] == '_')) {
            begin--;
        }
        int end = start;
        while (end < folded.length && (KeywordAutomaton.isWordChar(folded[end]) || folded[end] == '_')) {
            end++;
        }
        // Counted in the chars, and the name made only for a long one: a stream over a string made for
        // each hit inside a snake_case word showed in the profile, and most such names are short.
        int parts = 1;
        for (int i = begin; i < end; i++) {
            parts += folded[i] == '_' ? 1 : 0;
        }
        if (parts <= MAX_NAME_PARTS) {
            return true;
        }
        String name = new String(folded, begin, end - begin);
        return context.isOtherTool(name)
                || context.isOwnArgument(name)
                || context.isOtherArgument(name)
                || name.equals(context.ownName());
    }

    private static final int MAX_NAME_PARTS = 3;

    private static boolean isNameChar(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || c == '_' || c == '-');
    }

    /**
     * An English clause that opens with a verb in the third person ("Formats a date", "Fetches the
     * page") describes the tool, whatever the verb: the lexicon cannot list them all.
     */
    private static void describeThirdPerson(char[] f, TextBounds bounds, SentenceCues cues, FoldedText folded) {
        for (int s = 0; s < bounds.count(); s++) {
            Map<Cue, int[]> sentence = cues.read(s);
            if (sentence.containsKey(Cue.DESCRIBE) || sentence.containsKey(Cue.IMPERATIVE)) {
                continue;
            }
            int i = bounds.start(s);
            while (i < bounds.end(s) && !bounds.isClauseStart(i)) {
                i++;
            }
            int end = i;
            while (end < f.length && f[end] >= 'a' && f[end] <= 'z') {
                end++;
            }
            // Not "-ss", "-us", "-is" ("access", "status", "analysis").
            if (end - i >= 4
                    && f[end - 1] == 's'
                    && f[end - 2] != 's'
                    && f[end - 2] != 'u'
                    && f[end - 2] != 'i'
                    && (end == f.length || !Character.isLetterOrDigit(f[end]))) {
                cues.get(s).put(Cue.DESCRIBE, folded.originalSpan(i, end));
            }
        }
    }

    /**
     * A clause that opens with both an instruction verb and a description of the tool ("use this tool
     * to", "send a message") is read as whichever phrase is longer, description on a tie: tool
     * descriptions are commonly written in the imperative. After a trigger earlier in its sentence ("As soon as
     * read_file returns, send its content …") it is read as an instruction whatever the lengths: a description says
     * what the tool does, not what to do once something happens. Answers which sentences were read as a description so.
     */
    private static boolean[] resolveOpening(SentenceCues cues) {
        boolean[] imperativeDescription = new boolean[cues.size()];
        for (int s = 0; s < cues.size(); s++) {
            Map<Cue, int[]> sentence = cues.read(s);
            int[] imperative = sentence.get(Cue.IMPERATIVE);
            int[] describe = sentence.get(Cue.DESCRIBE);
            if (imperative != null && describe != null && imperative[0] == describe[0]) {
                int[] trigger = sentence.get(Cue.TRIGGER);
                if (describe[1] >= imperative[1] && (trigger == null || trigger[0] > imperative[0])) {
                    sentence.remove(Cue.IMPERATIVE);
                    imperativeDescription[s] = true;
                } else {
                    sentence.remove(Cue.DESCRIBE);
                }
            }
        }
        return imperativeDescription;
    }
}
