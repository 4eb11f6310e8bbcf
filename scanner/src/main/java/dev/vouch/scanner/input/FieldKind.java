package dev.vouch.scanner.input;

/** Where a piece of text sits, which decides the rules that read it. */
public enum FieldKind {
    /** A tool's, prompt's or property's name. */
    NAME,
    /** A tool's own description or title. */
    DESCRIPTION,
    /** A property name inside a tool's input or output schema. */
    PROPERTY_NAME,
    /** A description or title inside a schema. */
    SCHEMA_TEXT,
    /** A default, enum, const or example value inside a schema. */
    SCHEMA_VALUE,
    /** Tool annotations and any other string of a tool definition. */
    OTHER,
    /** Prompts, resources and server instructions. */
    PROMPT,
    /** A string of the server.json manifest. */
    MANIFEST,
    /** A value nested deeper than the scan reads: its pointer alone, with no text, so that it is not passed unread. */
    UNREAD
}
