package io.zeekagent.hub.zeromq;

/**
 * Where the embedded proxy listens.
 *
 * @param xpub the resolved TCP endpoint of its XPUB (agents' XSUB sockets connect here)
 * @param xsub the resolved TCP endpoint of its XSUB (agents' XPUB sockets connect here)
 * @param xpubInproc the in-process endpoint of its XPUB, used by the hub's own sockets
 * @param xsubInproc the in-process endpoint of its XSUB
 */
record ProxyEndpoints(String xpub, String xsub, String xpubInproc, String xsubInproc) {}
