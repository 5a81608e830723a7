package io.zeekagent.hub.agent;

/** An event from an agent does not have the shape the v1 protocol prescribes; it is counted, logged and dropped. */
class AgentProtocolException extends RuntimeException {

    AgentProtocolException(String message) {
        super(message);
    }
}
