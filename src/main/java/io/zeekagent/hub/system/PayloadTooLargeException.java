package io.zeekagent.hub.system;

import java.util.List;
import org.springframework.http.HttpStatus;

/** The request body is larger than {@code hub.http.max-body-size}: 413. */
public class PayloadTooLargeException extends ApiException {

    public PayloadTooLargeException(long limitBytes) {
        super(
                HttpStatus.CONTENT_TOO_LARGE,
                "payload-too-large",
                "Payload too large",
                "The request body exceeds the limit of " + limitBytes + " bytes (hub.http.max-body-size)",
                List.of());
    }
}
