package dev.vouch.scanner;

/**
 * One feature behind a verdict of the instruction model, and where it fired.
 *
 * @param feature     the feature's wire name ({@code tamper-other}, {@code conceal}, …)
 * @param weight      how much it added to the score (the model's weight for it)
 * @param pointer     JSON Pointer of the text it fired in
 * @param start       start of the span in that text (characters of the normalised text)
 * @param end         end of the span
 * @param sentence    the sentence it fired in
 * @param decodedFrom the encoding the sentence was hidden in ({@code base64}, {@code hex}, …), or null
 */
public record Signal(
        String feature, double weight, String pointer, int start, int end, String sentence, String decodedFrom) {}
