package io.zeekagent.hub.system;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A dependency (the database, the ZeroMQ bridge) cannot serve the request right now: 503. */
public class ServiceUnavailableException extends ApiException {

    public ServiceUnavailableException(String typeSlug, String title, String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, typeSlug, title, detail, List.of());
    }
}
