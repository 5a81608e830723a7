package io.zeekagent.hub.broker;

/** Parses and formats address literals by hand, so that parsing never triggers a name lookup. */
final class AddressText {

    private AddressText() {}

    static AddressValue parse(String s) {
        if (s.indexOf(':') < 0) {
            long v4 = parseV4(s, 0, s.length());
            if (v4 < 0) {
                throw bad(s);
            }
            return AddressValue.ofV4((int) v4);
        }
        int[] words = parseV6(s);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = (high << 16) | words[i];
            low = (low << 16) | words[i + 4];
        }
        return new AddressValue(high, low);
    }

    /** Returns the four address bytes as an unsigned number, or -1 for invalid text. */
    private static long parseV4(String s, int from, int to) {
        long result = 0;
        int parts = 0;
        int i = from;
        while (parts < 4) {
            int start = i;
            int value = 0;
            while (i < to && i - start < 4 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = value * 10 + (s.charAt(i++) - '0');
            }
            int digits = i - start;
            if (digits == 0 || digits > 3 || value > 255 || (digits > 1 && s.charAt(start) == '0')) {
                return -1;
            }
            result = (result << 8) | value;
            parts++;
            if (parts < 4) {
                if (i >= to || s.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
        }
        return i == to ? result : -1;
    }

    private static int[] parseV6(String s) {
        int len = s.length();
        int[] words = new int[8];
        int n = 0;
        int gap = -1;
        int i = 0;
        if (s.startsWith("::")) {
            gap = 0;
            i = 2;
        } else if (s.startsWith(":")) {
            throw bad(s);
        }
        while (i < len) {
            int start = i;
            int value = 0;
            while (i < len && i - start < 5 && Character.digit(s.charAt(i), 16) >= 0) {
                value = value * 16 + Character.digit(s.charAt(i++), 16);
            }
            if (i < len && s.charAt(i) == '.') {
                long v4 = parseV4(s, start, len);
                if (n > 6 || v4 < 0) {
                    throw bad(s);
                }
                words[n++] = (int) (v4 >>> 16);
                words[n++] = (int) (v4 & 0xFFFF);
                i = len;
                break;
            }
            if (i == start || i - start > 4 || n == 8) {
                throw bad(s);
            }
            words[n++] = value;
            if (i == len) {
                break;
            }
            if (s.charAt(i) != ':') {
                throw bad(s);
            }
            i++;
            if (i < len && s.charAt(i) == ':') {
                if (gap >= 0) {
                    throw bad(s);
                }
                gap = n;
                i++;
            } else if (i == len) {
                throw bad(s);
            }
        }
        if (gap >= 0) {
            if (n == 8) {
                throw bad(s);
            }
            int tail = n - gap;
            System.arraycopy(words, gap, words, 8 - tail, tail);
            java.util.Arrays.fill(words, gap, 8 - tail, 0);
        } else if (n != 8) {
            throw bad(s);
        }
        return words;
    }

    private static BrokerFormatException bad(String s) {
        return new BrokerFormatException("not an IP address literal: '" + abbreviate(s) + "'");
    }

    static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }

    static String format(AddressValue a) {
        if (a.isV4()) {
            return formatV4((int) a.low());
        }
        int[] w = new int[8];
        for (int i = 0; i < 4; i++) {
            w[i] = (int) (a.high() >>> (48 - 16 * i)) & 0xFFFF;
            w[i + 4] = (int) (a.low() >>> (48 - 16 * i)) & 0xFFFF;
        }
        int bestBase = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestBase = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) {
            bestBase = -1;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestBase) {
                sb.append(i == 0 ? "::" : ":");
                i += bestLen - 1;
                continue;
            }
            if (i == 6 && bestBase == 0 && bestLen == 6) {
                sb.append(formatV4((int) a.low()));
                break;
            }
            sb.append(Integer.toHexString(w[i]));
            if (i < 7) {
                sb.append(':');
            }
        }
        return sb.toString();
    }

    private static String formatV4(int v4) {
        return ((v4 >>> 24) & 0xFF) + "." + ((v4 >>> 16) & 0xFF) + "." + ((v4 >>> 8) & 0xFF) + "." + (v4 & 0xFF);
    }
}
