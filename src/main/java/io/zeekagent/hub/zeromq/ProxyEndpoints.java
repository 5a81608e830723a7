package io.zeekagent.hub.zeromq;

/**
 * Where the embedded proxy listens.
 *
 * @param xpub the resolved TCP endpoint of its XPUB (agents' XSUB sockets connect here)
 * @param xsub the resolved TCP endpoint of its XSUB (agents' XPUB sockets connect here)
 */
record ProxyEndpoints(String xpub, String xsub) {}
