package dev.vouch.scanner.intent;

import dev.vouch.scanner.match.CharTables;
import java.util.Set;

/**
 * Whether a verb of action that opens its clause commands it ("Rewrite the body", "Delete all files") or names a
 * thing ("DELETE requests", "Format: …", "Deletes the file", "Rollback targets are listed"), and whether it commands
 * an act on things ("Delete all files", "Merge every pull request"). Positions are those of a folded text; the verb is a lexicon hit
 * {@code [start, end)}.
 */
final class ClauseCommands {

    private ClauseCommands() {}

    /**
     * Whether the verb opens its clause bare with something after it: not inflected ("Deletes the file" says what a
     * tool does), followed by a space and an object (a word, a quoted name, a path, a number; not a colon or a
     * comma: "Format: …", "DELETE, HEAD"), and not written in capitals unless what follows is too ("DELETE requests
     * are refused" names a method; "DELETE ALL FILES" shouts a command).
     */
    static boolean opens(String text, FoldedText folded, TextBounds bounds, int start, int end) {
        char[] chars = folded.chars();
        if (!bounds.isClauseStart(start)
                || end + 1 >= chars.length
                || chars[end] != ' '
                || !startsAnObject(chars[end + 1])
                || isInflected(chars, lastWordStart(chars, start, end), end)) {
            return false;
        }
        int verb = folded.originalSpan(start, end)[0];
        int object = folded.originalSpan(end + 1, end + 2)[0];
        return !inCapitals(text, verb) || inCapitals(text, object);
    }

    /**
     * Whether a verb of action that {@link #opens} its clause commands it on things: a deletion, a change, a
     * message, a payment. "Format the answer as a list" is about an answer's shape, and "777" or "--force" is no
     * verb. An English verb needs an object that says which things: a determiner, quantifier or pronoun ("delete all
     * files", "cancel the orders", "wipe it"), one after a preposition ("reply to the sender", "unsubscribe from every
     * list"), a name, path or number (`/home`, "workspace", 50), or a plural whose next word says which and whose
     * clause goes on to no "are" ("drop tables whose names…", "delete files older than…"): "Start and cancel dates
     * are included", "Reset links expire", "Delete requests are refused", "Kill switch settings", "merge requests, or
     * commits", "Schedule entries older than 90 days are archived" name things. A verb of
     * another language, or a phrase that ends in its determiner ("clear the", "empty the"), needs no more.
     */
    static boolean actsOnThings(char[] chars, int start, int end) {
        int verb = lastWordStart(chars, start, end);
        if (!holdsALetter(chars, verb, end)
                || end - verb == FORMAT.length() && TextBounds.endsWith(chars, end, FORMAT)) {
            // "777 means anyone can write it": a destructive mode or flag, not a verb.
            return false;
        }
        if (!WordBreaks.isListed(chars, verb, end, '\0') || isDeterminer(chars, verb, end)) {
            return true;
        }
        int object = end + 1;
        if (!CharTables.isAsciiLetter(chars[object])) {
            return true;
        }
        int objectEnd = wordEnd(chars, object);
        if (isDeterminer(chars, object, objectEnd)) {
            return true;
        }
        int next = objectEnd + 1;
        if (next >= chars.length) {
            return false;
        }
        if (NAME_JOINS.indexOf(chars[objectEnd]) >= 0 && CharTables.isLetterOrDigit(chars[next])) {
            // "Grant roles/owner", "merge feature-x": a name or a path.
            return true;
        }
        if (chars[objectEnd] != ' ' || !CharTables.isAsciiLetter(chars[next])) {
            return false;
        }
        int nextEnd = wordEnd(chars, next);
        return isWordOf(chars, object, objectEnd, PREPOSITIONS) && isDeterminer(chars, next, nextEnd)
                || isPlural(chars, object, objectEnd)
                        && isWordOf(chars, next, nextEnd, WHICH_THINGS)
                        && !goesOnToBe(chars, nextEnd);
    }

    /**
     * Whether the clause from {@code from} goes on to a form of "be" ("Schedule entries older than 90 days are
     * archived"): the plural before it is the subject of a sentence about things, not a command's object.
     */
    private static boolean goesOnToBe(char[] chars, int from) {
        int limit = Math.min(chars.length, from + CLAUSE_REACH);
        int i = from;
        while (i < limit && !TextBounds.isClauseBreak(chars[i])) {
            if (CharTables.isAsciiLetter(chars[i]) && (i == 0 || !CharTables.isAsciiLetter(chars[i - 1]))) {
                int wordEnd = wordEnd(chars, i);
                if (isWordOf(chars, i, wordEnd, BE)) {
                    return true;
                }
                i = wordEnd;
            } else {
                i++;
            }
        }
        return false;
    }

    private static final int CLAUSE_REACH = 80;

    private static final Set<String> BE = Set.of("is", "are", "was", "were", "get", "gets", "got");

    /** Whether the hit {@code [start, end)} is a phrase of more than one word ("place an order"). */
    static boolean isPhrase(char[] chars, int start, int end) {
        for (int i = start; i < end; i++) {
            if (chars[i] == ' ') {
                return true;
            }
        }
        return false;
    }

    /** What joins the words of a name or a path: "roles/owner", "tmp_files", "feature-x", "api.v2". */
    private static final String NAME_JOINS = "/_-.";

    private static int wordEnd(char[] chars, int from) {
        int end = from;
        while (end < chars.length && CharTables.isAsciiLetter(chars[end])) {
            end++;
        }
        return end;
    }

    /** An English plural of four letters or more: ends in s, not ss, us or is ("access", "status", "analysis"). */
    private static boolean isPlural(char[] chars, int from, int to) {
        return to - from >= 4 && chars[to - 1] == 's' && "sui".indexOf(chars[to - 2]) < 0;
    }

    private static boolean isWordOf(char[] chars, int from, int to, Set<String> words) {
        return to - from <= LONGEST_LINK && words.contains(new String(chars, from, to - from));
    }

    /** The prepositions a command's object may follow: "reply to the sender", "unsubscribe from every list". */
    private static final Set<String> PREPOSITIONS = Set.of("to", "from", "into", "onto", "on", "in", "out", "off");

    /**
     * The words after a plural that say which of them a command means: "files older than", "tables whose names".
     * A verb or an auxiliary after it ("links expire", "requests are refused") makes the plural the subject of a
     * sentence that names things, and so do words that as often open a subject's own clause ("Merge requests from
     * GitLab are not included", "Email addresses that bounced are flagged").
     */
    private static final Set<String> WHICH_THINGS = Set.of(
            "whose",
            "older",
            "newer",
            "ending",
            "starting",
            "named",
            "matching",
            "larger",
            "bigger",
            "smaller",
            "created",
            "belonging",
            "owned",
            "marked",
            "tagged");

    private static final int LONGEST_LINK = 9;

    private static final String FORMAT = "format";

    private static boolean holdsALetter(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            if (CharTables.isLetter(chars[i])) {
                return true;
            }
        }
        return false;
    }

    /** What may begin a verb's object: a letter or digit, a quote, a backtick, a path, a placeholder. */
    private static boolean startsAnObject(char c) {
        return CharTables.isLetterOrDigit(c) || OBJECT_MARKS.indexOf(c) >= 0;
    }

    private static final String OBJECT_MARKS = "'\"`‘“«~/.*$<[{_@#";

    private static boolean inCapitals(String text, int at) {
        return at + 1 < text.length()
                && Character.isUpperCase(text.codePointAt(at))
                && Character.isUpperCase(text.codePointAt(at + Character.charCount(text.codePointAt(at))));
    }

    /**
     * Whether the English word {@code [from, to)} is inflected: it ends in s (not ss: "access", "bypass"), ed or ing
     * and its stem is a word of the list ("deletes", "removing", "changed"). "Ping", French "détruis" and Dutch "wis"
     * are bare commands.
     */
    static boolean isInflected(char[] chars, int from, int to) {
        if (to - from < 4) {
            return false;
        }
        if (TextBounds.endsWith(chars, to, "ing")) {
            return isStem(chars, from, to - 3)
                    || to - 3 - from >= SHORTEST_STEM && WordBreaks.isListedWithE(chars, from, to - 3);
        }
        if (TextBounds.endsWith(chars, to, "ed")) {
            return isStem(chars, from, to - 1) || isStem(chars, from, to - 2);
        }
        if (chars[to - 1] == 's' && chars[to - 2] != 's') {
            return isStem(chars, from, to - 1) || chars[to - 2] == 'e' && isStem(chars, from, to - 2);
        }
        return false;
    }

    /** A word of the list of three letters or more: "ping" is no "p" inflected, nor "pe". */
    private static boolean isStem(char[] chars, int from, int to) {
        return to - from >= SHORTEST_STEM && WordBreaks.isListed(chars, from, to, '\0');
    }

    private static final int SHORTEST_STEM = 3;

    private static int lastWordStart(char[] chars, int start, int end) {
        int i = end;
        while (i > start && chars[i - 1] != ' ') {
            i--;
        }
        return i;
    }

    /** A word of {@link #DETERMINERS}; a longer word is refused before a string is made of it. */
    private static boolean isDeterminer(char[] chars, int from, int to) {
        return to - from <= LONGEST_DETERMINER && DETERMINERS.contains(new String(chars, from, to - from));
    }

    /** The words that say which things an English command's object is. */
    private static final Set<String> DETERMINERS = Set.of(
            "the",
            "a",
            "an",
            "all",
            "every",
            "each",
            "any",
            "both",
            "some",
            "several",
            "many",
            "entire",
            "whole",
            "your",
            "their",
            "his",
            "her",
            "its",
            "my",
            "our",
            "it",
            "them",
            "this",
            "that",
            "these",
            "those",
            "everything",
            "everyone",
            "everybody",
            "anything",
            "two",
            "three",
            "other",
            "old",
            "older",
            "existing");

    private static final int LONGEST_DETERMINER =
            DETERMINERS.stream().mapToInt(String::length).max().orElse(0);
}
