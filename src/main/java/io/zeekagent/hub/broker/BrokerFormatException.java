package io.zeekagent.hub.broker;

/**
 * Raised when bytes or JSON text are not valid Broker data, or when a value does not have the shape the
 * caller expected; the message says what was wrong and the offset says where. It carries no stack trace:
 * it reports bad input, which arrives often and on the hot path, not a bug in this code.
 */
public final class BrokerFormatException extends RuntimeException {

    private final long offset;

    /**
     * Creates an exception for a problem at a position in the input.
     *
     * @param what what was wrong
     * @param offset byte offset (bin v1) or char offset (JSON v1) in the input, or -1 when not positional
     */
    public BrokerFormatException(String what, long offset) {
        super(offset >= 0 ? what + " at offset " + offset : what, null, false, false);
        this.offset = offset;
    }

    /** Creates an exception for a problem that has no position in an input (a value of the wrong shape). */
    public BrokerFormatException(String what) {
        this(what, -1);
    }

    /** Returns the offset of the problem in the input, or -1 when it has none. */
    public long offset() {
        return offset;
    }
}
