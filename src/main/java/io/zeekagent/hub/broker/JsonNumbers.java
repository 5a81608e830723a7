package io.zeekagent.hub.broker;

/** Reads Broker's numeric JSON forms with Broker's rules: counts and integers exact, reals must have a fraction or exponent. */
final class JsonNumbers {

    private JsonNumbers() {}

    static long count(JsonLexer in, int at) {
        int end = in.number();
        String token = in.s.substring(at, end);
        if (token.startsWith("-") || !isInteger(token)) {
            throw in.fail("count must be a non-negative integer", at);
        }
        long value = 0;
        for (int i = 0; i < token.length(); i++) {
            int digit = token.charAt(i) - '0';
            if (Long.compareUnsigned(value, Long.divideUnsigned(-1L - digit, 10)) > 0) {
                throw in.fail("count exceeds 64 bits", at);
            }
            value = value * 10 + digit;
        }
        return value;
    }

    static long integer(JsonLexer in, int at) {
        int end = in.number();
        String token = in.s.substring(at, end);
        if (!isInteger(token) || token.length() > 20) {
            throw in.fail("integer must be a 64-bit integer", at);
        }
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw in.fail("integer exceeds 64 bits", at);
        }
    }

    static double real(JsonLexer in, int at) {
        int end = in.number();
        String token = in.s.substring(at, end);
        if (isInteger(token)) {
            throw in.fail("real must have a fraction or exponent (write 1.0, not 1)", at);
        }
        return Double.parseDouble(token);
    }

    static BrokerValue port(String text, JsonLexer in, int at) {
        int slash = text.indexOf('/');
        int digits = slash < 0 ? 0 : slash;
        boolean numeric = digits > 0 && digits <= 5;
        for (int i = 0; i < digits && numeric; i++) {
            numeric = text.charAt(i) >= '0' && text.charAt(i) <= '9';
        }
        if (!numeric) {
            throw in.fail("port must be <number>/<protocol>", at);
        }
        int number = Integer.parseInt(text.substring(0, slash));
        PortProtocol protocol = PortProtocol.ofText(text.substring(slash + 1));
        if (number > 0xFFFF || protocol == null) {
            throw in.fail("bad port '" + AddressText.abbreviate(text) + "'", at);
        }
        return new PortValue(number, protocol);
    }

    private static boolean isInteger(String token) {
        return token.indexOf('.') < 0 && token.indexOf('e') < 0 && token.indexOf('E') < 0;
    }
}
