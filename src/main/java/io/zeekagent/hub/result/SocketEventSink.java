package io.zeekagent.hub.result;

import java.util.List;

/** Where rows of SOCKET_EVENTS subscriptions go: the ingest feature, which assigns seuids and feeds attribution. */
interface SocketEventSink {

    void ingest(String hostId, String transport, List<String> columns, List<?> rows);
}
