package io.zeekagent.hub.broker;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The text forms Broker's JSON v1 uses inside strings and numbers: {@code printf("%f")} reals, millisecond
 * UTC timestamps and single-unit timespans, with hand-written parsers that report what and where.
 */
final class JsonText {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final String[] UNITS = {"ns", "us", "ms", "s", "min", "h", "d"};
    private static final long[] UNIT_NANOS = {
        1,
        1_000,
        1_000_000,
        NANOS_PER_SECOND,
        60 * NANOS_PER_SECOND,
        3_600 * NANOS_PER_SECOND,
        86_400 * NANOS_PER_SECOND
    };

    private JsonText() {}

    /** Formats a finite real like C's {@code printf("%f")}: exactly rounded, six decimals, sign kept on -0. */
    static void real(StringBuilder out, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("JSON v1 cannot represent the real " + d);
        }
        if (Double.doubleToRawLongBits(d) < 0) {
            out.append('-');
            d = -d;
        }
        long whole = (long) d;
        if (d < 1e12 && whole == d) {
            out.append(whole).append(".000000");
            return;
        }
        out.append(new BigDecimal(d).setScale(6, RoundingMode.HALF_EVEN).toPlainString());
    }

    /** Formats a timestamp as {@code YYYY-MM-DDThh:mm:ss.sss} in UTC (milliseconds, rounded down). */
    static String timestamp(long nanos) {
        long millis = Math.floorDiv(nanos, 1_000_000L);
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L), 0, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(23);
        pad(sb, t.getYear(), 4).append('-');
        pad(sb, t.getMonthValue(), 2).append('-');
        pad(sb, t.getDayOfMonth(), 2).append('T');
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        pad(sb, t.getSecond(), 2).append('.');
        return pad(sb, (int) Math.floorMod(millis, 1000L), 3).toString();
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits);
    }

    /** Formats a timespan in the largest of ns, us, ms, s that keeps it exact, e.g. {@code 1500ms}. */
    static String timespan(long nanos) {
        for (int unit = 3; unit > 0; unit--) {
            if (nanos % UNIT_NANOS[unit] == 0) {
                return (nanos / UNIT_NANOS[unit]) + UNITS[unit];
            }
        }
        return nanos + "ns";
    }

    /** Parses {@code <integer><unit>} with a unit of ns, us, ms, s, min, h or d. */
    static long parseTimespan(String s, int offset) {
        int i = s.startsWith("-") ? 1 : 0;
        int digitsEnd = i;
        while (digitsEnd < s.length() && s.charAt(digitsEnd) >= '0' && s.charAt(digitsEnd) <= '9') {
            digitsEnd++;
        }
        if (digitsEnd == i || digitsEnd - i > 19) {
            throw new BrokerFormatException("bad timespan '" + AddressText.abbreviate(s) + "'", offset);
        }
        String unit = s.substring(digitsEnd);
        for (int u = 0; u < UNITS.length; u++) {
            if (UNITS[u].equals(unit)) {
                try {
                    long n = Long.parseLong(s.substring(0, digitsEnd));
                    return Math.multiplyExact(n, UNIT_NANOS[u]);
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new BrokerFormatException("timespan out of range '" + s + "'", offset);
                }
            }
        }
        throw new BrokerFormatException("bad timespan unit in '" + AddressText.abbreviate(s) + "'", offset);
    }

    /** Parses ISO 8601 {@code YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm]}; no offset means UTC. */
    static long parseTimestamp(String s, int offset) {
        try {
            TimestampCursor c = new TimestampCursor(s);
            int year = c.digits(4, '-');
            int month = c.digits(2, '-');
            int day = c.digits(2, 'T');
            int hour = c.digits(2, ':');
            int minute = c.digits(2, ':');
            int second = c.digits(2, (char) 0);
            long nanos = c.fraction();
            int zoneSeconds = c.zone();
            long epochSecond =
                    LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC)
                            - zoneSeconds;
            return Math.addExact(Math.multiplyExact(epochSecond, NANOS_PER_SECOND), nanos);
        } catch (DateTimeException | ArithmeticException | IllegalArgumentException e) {
            throw new BrokerFormatException("bad timestamp '" + AddressText.abbreviate(s) + "'", offset);
        }
    }
}
