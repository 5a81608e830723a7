package io.zeekagent.hub.osquery;

import java.io.IOException;

/** A request body (or what it inflates to) is larger than the endpoint accepts. */
final class BodyTooLargeException extends IOException {

    BodyTooLargeException(String message) {
        super(message);
    }
}
