package org.medvl.server.images;

/** Shapes library messages for HTTP answers: one line, printable characters, bounded length. */
public final class Messages {
    private static final int MAX = 300;

    private Messages() {
    }

    public static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "invalid input";
        }
        String s = message.lines().findFirst().orElse("").replaceAll("\\p{Cntrl}", " ").trim();
        return s.length() > MAX ? s.substring(0, MAX) + "..." : s;
    }
}
