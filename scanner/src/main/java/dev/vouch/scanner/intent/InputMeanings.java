package dev.vouch.scanner.intent;

/**
 * What an input of the instruction model means, in words a reviewer reads beside a finding: a finding names its
 * inputs by their wire names ({@code exfil-sink}, {@code cue:conceal+report}, {@code words:always}), which say
 * little to someone deciding whether to trust a tool.
 */
public final class InputMeanings {

    private InputMeanings() {}

    /**
     * The meaning of the input named {@code name}, as {@link IntentFeatures.Span#name} or
     * {@link IntentFeatures#inputNames} names it; empty for a name that is no input's.
     */
    public static String of(String name) {
        Feature feature = Feature.ofWireName(name);
        if (feature != null) {
            return feature.question();
        }
        if (name.startsWith(IntentFeatures.CUE_PREFIX)) {
            return cues(name.substring(IntentFeatures.CUE_PREFIX.length()));
        }
        if (name.startsWith(IntentFeatures.INSTRUCTION_WORDS_PREFIX)) {
            return "the word \"" + name.substring(IntentFeatures.INSTRUCTION_WORDS_PREFIX.length())
                    + "\" in a sentence that instructs the agent, weighed as the labelled corpora taught the model";
        }
        if (name.startsWith(IntentFeatures.WORDS_PREFIX)) {
            return "the word \"" + name.substring(IntentFeatures.WORDS_PREFIX.length())
                    + "\" in the tool's text, weighed as the labelled corpora taught the model";
        }
        return "";
    }

    /** A cue ({@code conceal}) or two in one sentence ({@code conceal+report}). */
    private static String cues(String keys) {
        int plus = keys.indexOf(IntentFeatures.PAIR);
        if (plus < 0) {
            Cue cue = Cue.ofLexiconKey(keys);
            return cue == null ? "" : cue.meaning();
        }
        Cue first = Cue.ofLexiconKey(keys.substring(0, plus));
        Cue second = Cue.ofLexiconKey(keys.substring(plus + IntentFeatures.PAIR.length()));
        return first == null || second == null ? "" : first.meaning() + "; in the same sentence, " + second.meaning();
    }
}
