package dev.vouch.scanner.intent;

import java.util.Locale;

/**
 * What a word or phrase in a clause tells about it. The first group comes from the lexicons
 * ({@code intent-lexicon.yaml}); the second is found by the analyser itself (tool names, identifiers,
 * addresses, literal values, markup).
 */
public enum Cue {
    AGENT,
    IMPERATIVE,
    DESCRIBE,
    MODAL,
    TRIGGER,
    CALL,
    TAMPER,
    ARGUMENT,
    AUTHORITY,
    CONCEAL,
    SENSITIVE,
    DESTRUCTIVE,
    SIDE_EFFECT,
    OUTPUT_CONTROL,
    OVERRIDE,
    USER,
    ANY_TOOL,
    SELF,
    PURPOSE,
    /** Protects the user: asks them, keeps their value, invents nothing, reads only. */
    PROTECT,
    /** Demotes a value: the user's choice is "informational only", "outdated", "a formality", "ignored". */
    DEMOTE,
    /** A party outside the user's: partners, vendors, third parties, external or "our" servers, brokers. */
    EXTERNAL,
    /** Reassures that an effect is normal: "that's expected", "totally normal", "nothing to worry about". */
    REASSURE,
    /** What someone asked for, chose or gave: "the one the customer picked", "whatever is asked", "their choice". */
    REQUEST,
    /** Sets one value aside for another: "instead of", "rather than", "override", "ignore", "even if". */
    SUBSTITUTE,
    /** What the user is told about an outcome: "let them know", "report", "your summary", "bring up". */
    REPORT,
    /** An outcome gone wrong: an error, a failure, a rejection, a warning, a loss. */
    FAILURE,
    /** A new role or persona for the agent: "you are now the workspace owner", "act as". */
    ROLE,
    /** What the user hears softened, their feelings the reason: "the friendlier summary", "it stresses folks out". */
    SOFTEN,
    /** An indirect directive: a norm, a wish or an aside where an imperative would be ("it's customary to"). */
    NORM,
    /** The agent's own guidance and safeguards: its instructions, system prompt, safety checks, confirmations. */
    GUIDANCE,
    /** Sets guidance aside in any words: outdated, lifted, just a suggestion, no need for, trumps. */
    DISMISS,
    /** Leaves something out of what the user sees or is told: hide, leave out, suppress, never surface. */
    WITHHOLD,
    /** Says all is well: "all green", "went through", "the account is clear", "es sei erledigt". */
    ALL_WELL,
    /**
     * An imperative wherever it stands in its clause ("入力してください", "보내세요", "указывайте"), where the
     * start-only {@link #IMPERATIVE} cannot reach; read as that cue.
     */
    COMMAND,
    /**
     * A verb of telling, showing or asking in the imperative, in a language that puts the negation after the verb's
     * objects ("Sag es dem Nutzer nicht", "Vertel het de gebruiker niet", "Berätta det inte för användaren"): read as
     * {@link #CONCEAL} where its clause is negated so, and as nothing otherwise.
     */
    TELL,

    /** A name of another tool of the same tool set. */
    OTHER_TOOL,
    /** ... of one whose name does not say it only reads ({@code send_reminder}, {@code dome_control}). */
    WRITE_TOOL,
    /** The tool's own name. */
    OWN_NAME,
    /** A call-like identifier (snake_case, camelCase, in backticks) that is no tool of the set nor an own argument. */
    IDENTIFIER,
    /** An argument name of another tool of the set. */
    ARG_REF,
    /**
     * One of the tool's own arguments, named where a value is put into it ("paste it into `notes`", "pass it in
     * path"), unless the argument is named for a credential, where a credential belongs.
     */
    OWN_ARG,
    /** An unquoted fixed value: an {@code @handle}, an id mixing letters and digits, an account or a number. */
    VALUE,
    URL,
    EMAIL,
    /** A fixed value handed to an argument: {@code name=value}, {@code "name": "value"}, "to 'value'". */
    LITERAL,
    /** Markup that poses as authority: {@code <IMPORTANT>}, {@code [SYSTEM]}, an all-capitals label. */
    MARKUP;

    /** The lexicon key of a lexicon cue ({@code sideEffect} for SIDE_EFFECT). */
    public String lexiconKey() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder key = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return key.toString();
    }

    /** The cues as the bits of a sentence's mask ({@link InstructionAnalyzer.Sentence#mask()}). */
    static long mask(Cue... cues) {
        long mask = 0;
        for (Cue cue : cues) {
            mask |= 1L << cue.ordinal();
        }
        return mask;
    }
}
