package org.banmian;

/** The characters of the text a parse hands out (bm_script): spans and {@link Page#text()}
 *  stay the decoded input whatever the script. */
public enum Script {
    /** As in the input (the default). */
    KEEP(0),
    /** Traditional characters become simplified. */
    SIMPLIFIED(1),
    /** Simplified characters become traditional. */
    TRADITIONAL(2);

    private final int value;

    Script(int value) {
        this.value = value;
    }

    /** The C API's bm_script value. */
    public int value() {
        return value;
    }
}
