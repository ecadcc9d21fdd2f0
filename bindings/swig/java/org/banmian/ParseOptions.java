package org.banmian;

/** Options of one {@link Parser#parse(byte[], ParseOptions)} or normalize call; the
 *  defaults are those of a plain parse. Setters return this for chaining. */
public final class ParseOptions {
    private String encoding;
    private String source;
    private boolean strict;
    private String issueDate;
    private Script script = Script.KEEP;

    /** Null or "auto" to detect, else an ICU converter name ("GB18030", "Big5", ...). */
    public ParseOptions encoding(String encoding) {
        this.encoding = encoding;
        return this;
    }

    /** Null, or the name reported as "source" in the JSON. */
    public ParseOptions source(String source) {
        this.source = source;
        return this;
    }

    /** Invalid bytes throw instead of becoming U+FFFD. */
    public ParseOptions strict(boolean strict) {
        this.strict = strict;
        return this;
    }

    /** Null, or the issue's date as "YYYY-MM-DD", used when the page prints none; any other
     *  text makes the parse throw (code -1, invalid argument). */
    public ParseOptions issueDate(String issueDate) {
        this.issueDate = issueDate;
        return this;
    }

    /** The script of the text the parse hands out; null means {@link Script#KEEP}. */
    public ParseOptions script(Script script) {
        this.script = script == null ? Script.KEEP : script;
        return this;
    }

    public String encoding() {
        return encoding;
    }

    public String source() {
        return source;
    }

    public boolean strict() {
        return strict;
    }

    public String issueDate() {
        return issueDate;
    }

    public Script script() {
        return script;
    }
}
