package io.zeekagent.hub.osquery;

/** A request body that is JSON but not what the endpoint expects. */
final class MalformedBodyException extends RuntimeException {

    MalformedBodyException(String message) {
        super(message, null, false, false);
    }
}
