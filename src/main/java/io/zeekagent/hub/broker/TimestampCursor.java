package io.zeekagent.hub.broker;

/** Walks an ISO 8601 timestamp field by field; throws {@link IllegalArgumentException} at the first misfit. */
final class TimestampCursor {

    private final String s;
    private int i;

    TimestampCursor(String s) {
        this.s = s;
    }

    /** Reads exactly {@code n} digits and then the separator, unless the separator is 0. */
    int digits(int n, char separator) {
        int value = 0;
        for (int k = 0; k < n; k++) {
            value = value * 10 + digit();
        }
        if (separator != 0) {
            expect(separator);
        }
        return value;
    }

    /** Reads an optional fraction of a second and returns it in nanoseconds (digits past 9 are dropped). */
    long fraction() {
        if (i >= s.length() || s.charAt(i) != '.') {
            return 0;
        }
        i++;
        long nanos = 0;
        int count = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            int d = digit();
            if (count++ < 9) {
                nanos = nanos * 10 + d;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("empty fraction");
        }
        for (int k = count; k < 9; k++) {
            nanos *= 10;
        }
        return nanos;
    }

    /** Reads an optional zone ({@code Z}, {@code ±hh:mm}, {@code ±hhmm}, {@code ±hh}); returns its offset in seconds. */
    int zone() {
        if (i == s.length()) {
            return 0;
        }
        char c = s.charAt(i++);
        if (c == 'Z' && i == s.length()) {
            return 0;
        }
        if (c != '+' && c != '-') {
            throw new IllegalArgumentException("bad zone");
        }
        int hours = digits(2, (char) 0);
        int minutes = 0;
        if (i < s.length()) {
            if (s.charAt(i) == ':') {
                i++;
            }
            minutes = digits(2, (char) 0);
        }
        if (i != s.length() || hours > 23 || minutes > 59) {
            throw new IllegalArgumentException("bad zone");
        }
        int seconds = hours * 3600 + minutes * 60;
        return c == '-' ? -seconds : seconds;
    }

    private int digit() {
        if (i >= s.length() || s.charAt(i) < '0' || s.charAt(i) > '9') {
            throw new IllegalArgumentException("digit expected");
        }
        return s.charAt(i++) - '0';
    }

    private void expect(char c) {
        if (i >= s.length() || s.charAt(i) != c) {
            throw new IllegalArgumentException("'" + c + "' expected");
        }
        i++;
    }
}
