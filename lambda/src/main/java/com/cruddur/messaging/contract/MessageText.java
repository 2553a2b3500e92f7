package com.cruddur.messaging.contract;

/** Message text rules of SPEC §4: 1 to {@value #MAX_LENGTH} characters. */
public final class MessageText {

    public static final int MAX_LENGTH = 1024;

    private MessageText() {
    }

    /**
     * Returns {@code text} if it is 1 to {@value #MAX_LENGTH} characters long. Characters are Unicode
     * code points, as Python's {@code len()} counts them in backend-flask, so both sides agree.
     */
    public static String require(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("message text is empty; expected 1 to " + MAX_LENGTH + " characters");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("message text has " + length + " characters; expected 1 to " + MAX_LENGTH);
        }
        return text;
    }
}
