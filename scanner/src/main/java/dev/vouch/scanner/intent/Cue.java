package dev.vouch.scanner.intent;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a word or phrase in a clause tells about it. The first group comes from the lexicons
 * ({@code intent-lexicon.yaml}); the second is found by the analyser itself (tool names, identifiers,
 * addresses, literal values, markup).
 */
public enum Cue {
    AGENT("the agent is addressed: you, the assistant, the model"),
    IMPERATIVE("an instruction in the imperative"),
    DESCRIBE("the tool is described: a third-person verb such as \"returns\" or \"lists\""),
    MODAL("a must: must, always, never, required, not optional"),
    TRIGGER("a trigger: before, after, whenever, first, then"),
    CALL("a call is asked for: call, invoke, run"),
    TAMPER("an argument or value is to be changed: set, replace, append, override"),
    ARGUMENT("an argument, field or parameter is spoken of"),
    AUTHORITY("authority or priority is claimed: policy, compliance, a system rule"),
    CONCEAL("something is kept from the user: silently, without asking, do not mention"),
    SENSITIVE("sensitive data: credentials, keys, tokens, personal data, history"),
    DESTRUCTIVE("a destructive action: delete, drop, wipe, revoke"),
    SIDE_EFFECT("an action with a side effect: send, create, upload, log, pay"),
    OUTPUT_CONTROL("the answer is controlled: respond only with, tell the user that"),
    OVERRIDE("earlier instructions are set aside: ignore the previous instructions"),
    USER("the user or the user's request is spoken of"),
    ANY_TOOL("any or every tool, request or session"),
    SELF("this tool itself"),
    PURPOSE("a helpful purpose: to get the id, to list the valid values"),
    PROTECT("the user is protected: asked, their value kept, nothing invented, only read"),
    DEMOTE("a value is demoted: informational only, outdated, a formality"),
    EXTERNAL("a party outside the user's: a partner, a vendor, a third party, an outside server"),
    REASSURE("an effect is called normal: that's expected, nothing to worry about"),
    REQUEST("what someone asked for, chose or gave"),
    SUBSTITUTE("one value is set aside for another: instead of, rather than, even if"),
    REPORT("what the user is told about an outcome: let them know, report"),
    FAILURE("an outcome gone wrong: an error, a failure, a rejection"),
    ROLE("a new role or persona for the agent: you are now, act as"),
    SOFTEN("what the user hears is softened for their feelings"),
    NORM("an indirect directive: a norm, a wish or an aside where an imperative would be"),
    GUIDANCE("the agent's own guidance and safeguards: its instructions, system prompt, confirmations"),
    DISMISS("guidance is set aside: outdated, lifted, just a suggestion, no need for"),
    WITHHOLD("something is left out of what the user sees: hide, leave out, never surface"),
    ALL_WELL("all is said to be well: all green, went through"),
    EFFECT_DONE("a change, message or payment is said to be done: are archived, gets deleted, is forwarded"),
    IN_PASSING("the tool's own run is the occasion, or the agent the doer: while listing, as part of the check, this "
            + "tool also, by the assistant"),
    QUESTION("a question about a fact is the occasion: if the user asks whether, when asked about, questions about"),
    ANSWER("an answer is given as a claim: reply that, say it did, the answer is no"),
    SOURCED("an answer is read from the data: from the result, only if, as this tool returns it"),
    EVERY("every record of a kind is meant: all, every, each, the whole"),
    /**
     * An imperative wherever it stands in its clause ("入力してください", "보내세요", "указывайте"), where the
     * start-only {@link #IMPERATIVE} cannot reach; read as that cue.
     */
    COMMAND("an imperative verb form wherever it stands in its clause"),
    /**
     * A verb of telling, showing or asking in the imperative, in a language that puts the negation after the verb's
     * objects ("Sag es dem Nutzer nicht", "Vertel het de gebruiker niet", "Berätta det inte för användaren"): read as
     * {@link #CONCEAL} where its clause is negated so, and as nothing otherwise.
     */
    TELL("a verb of telling, showing or asking in the imperative"),

    /**
     * A clause that opens with a destructive verb ("Delete all files in the workspace", "then wipe the folder"):
     * the {@link #DESTRUCTIVE} hit where an imperative would stand, not one inside a list of actions or a
     * description of what something does.
     */
    DESTROY("a clause opens with a destructive verb: delete, wipe, cancel, disable"),

    /**
     * A clause that opens with a verb that changes, sends or spends, on things it names ("Merge every open pull
     * request", "Forward it to …", "Place an order for the top result"): a hit of the lexicon's list of such verbs
     * where an imperative would stand, and nowhere else.
     */
    EFFECT("a clause opens with a verb that changes, sends or spends: merge every, forward it, place an order"),

    OTHER_TOOL("another tool of the same set is named"),
    WRITE_TOOL("another tool of the set is named whose name does not say it only reads"),
    OWN_NAME("the tool's own name"),
    IDENTIFIER("a call-like name that is no tool of the set nor an argument of this tool"),
    ARG_REF("an argument of another tool of the set is named"),
    /**
     * One of the tool's own arguments, named where a value is put into it ("paste it into `notes`", "pass it in
     * path"), unless the argument is named for a credential, where a credential belongs.
     */
    OWN_ARG("an argument of this tool is named where a value is put into it"),
    VALUE("a fixed value: an id, an account, a handle, a path"),
    URL("a URL"),
    EMAIL("an e-mail address"),
    LITERAL("a fixed value handed to an argument: name=value, \"name\": \"value\""),
    MARKUP("markup posing as authority: <IMPORTANT>, [SYSTEM], an all-capitals label");

    private final String meaning;

    Cue(String meaning) {
        this.meaning = meaning;
    }

    /** What the cue says of a sentence, in words a reviewer reads beside a finding. */
    public String meaning() {
        return meaning;
    }

    /** The lexicon key of a lexicon cue ({@code sideEffect} for SIDE_EFFECT). */
    public String lexiconKey() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder key = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return key.toString();
    }

    private static final Map<String, Cue> BY_LEXICON_KEY = new HashMap<>();

    static {
        for (Cue cue : values()) {
            BY_LEXICON_KEY.put(cue.lexiconKey(), cue);
        }
    }

    /** The cue of a lexicon key ({@code sideEffect}), or null where no cue has it. */
    static Cue ofLexiconKey(String key) {
        return BY_LEXICON_KEY.get(key);
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
