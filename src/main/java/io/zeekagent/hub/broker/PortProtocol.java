package io.zeekagent.hub.broker;

import org.jspecify.annotations.Nullable;

/** Transport protocol of a Broker port; the ordinal is the bin v1 protocol byte. */
public enum PortProtocol {
    UNKNOWN("?"),
    TCP("tcp"),
    UDP("udp"),
    ICMP("icmp");

    private static final PortProtocol[] BY_CODE = values();

    private final String text;

    PortProtocol(String text) {
        this.text = text;
    }

    /** Returns the text form used after the slash, e.g. {@code tcp} or {@code ?}. */
    public String text() {
        return text;
    }

    /** Returns the protocol for a bin v1 protocol byte, or {@code null} when the byte is above 3. */
    static @Nullable PortProtocol ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** Returns the protocol for its text form, or {@code null} when unknown. */
    static @Nullable PortProtocol ofText(String text) {
        for (PortProtocol p : BY_CODE) {
            if (p.text.equals(text)) {
                return p;
            }
        }
        return null;
    }
}
