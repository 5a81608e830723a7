package io.zeekagent.hub.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.enums.Opcode;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.handshake.ServerHandshake;

/**
 * Throws hostile traffic at the hub's WebSocket port (Zeek's WebSocket API): broken HTTP handshakes over raw TCP,
 * invalid JSON and wrong shapes before and after the subscription handshake, forged v2 agent events with wrong
 * arities and types, binary frames, fragmented and oversized messages, and a reader that never reads while another
 * connection floods its topic.
 */
final class HostileWebSocketPeer {

    static final String PATH = "/v1/messages/json";

    private final int port;
    private final Random random = new Random(10);
    private int tried;

    HostileWebSocketPeer(int port) {
        this.port = port;
    }

    int tried() {
        return tried;
    }

    /** Handshakes that are not WebSocket handshakes, each on its own TCP connection. */
    void badHandshakes() throws IOException {
        List<String> requests = List.of(
                "garbage\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\n\r\n",
                upgrade("/nope", "13", true),
                upgrade(PATH, "7", true),
                upgrade(PATH, "13", false),
                upgrade(PATH, "13", true).substring(0, 40),
                "GET " + PATH + " HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(100_000) + "\r\n\r\n",
                "\u0000\u0001\u0002\r\n\r\n");
        for (String request : requests) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                s.setSoTimeout(2000);
                s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                s.getInputStream().read(new byte[4096]);
            } catch (IOException e) {
                // A refused handshake may simply be a closed connection.
            }
            tried++;
        }
    }

    /** Invalid messages over real WebSocket connections, before and after the subscription handshake. */
    void invalidMessages(int rounds) throws Exception {
        List<String> firstMessages =
                List.of("{", "{\"a\":1}", "[1,2]", "[\"/x\",null]", "\"str\"", "", "[".repeat(3000));
        for (String first : firstMessages) {
            try (Client c = Client.open(port)) {
                c.send(first);
                tried++;
            }
        }
        Client c = subscribed("/zeek-agent/hostile");
        for (int i = 0; i < rounds; i++) {
            for (String message : List.of(
                    "{",
                    "{}",
                    "{\"type\":\"data-message\"}",
                    "{\"type\":\"data-message\",\"topic\":42}",
                    "{\"type\":\"data-message\",\"topic\":\"/zeek-agent/query/host/x\",\"@data-type\":\"count\",\"data\":1}",
                    dataMessage("/zeek-agent/response/all/evil-" + i, "ZeekAgentAPI::agent_hello_v1", randomArgs()),
                    dataMessage("/zeek-agent/response/zeek/evil-" + i, "ZeekAgentAPI::query_result", randomArgs()),
                    dataMessage("/zeek-agent/response/all/evil", "ZeekAgentAPI::no_such_event", "[]"),
                    "{\"type\":\"data-message\",\"topic\":\"/t\",\"@data-type\":\"vector\",\"data\":" + "[".repeat(2000)
                            + "]".repeat(2000) + "}")) {
                c = sendOrReopen(c, message);
            }
            c = sendOrReopen(c, new byte[] {1, 2, (byte) 0xff});
        }
        try {
            c.sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap("{\"type\":".getBytes(StandardCharsets.UTF_8)), false);
            c.sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap("\"data-mess".getBytes(StandardCharsets.UTF_8)), false);
            c.sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap("age\"}".getBytes(StandardCharsets.UTF_8)), true);
        } catch (WebsocketNotConnectedException e) {
            // The hub may close a connection that misbehaved; that is an answer, not a crash.
        }
        tried++;
        c.close();
        try (Client c2 = subscribed("/zeek-agent/hostile")) {
            c2.sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(new byte[60_000]), false);
            for (int i = 0; i < 40 && c2.isOpen(); i++) {
                c2.sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(new byte[60_000]), false);
            }
        } catch (WebsocketNotConnectedException e) {
            // Closed (1009) while the fragments grew past the limit: what we want.
        }
        tried++;
        try (Client big = subscribed("/zeek-agent/hostile")) {
            big.send("x".repeat(2 * 1024 * 1024));
            tried++;
            big.awaitClose();
        }
    }

    /**
     * A reader that subscribes and never reads, while another connection floods its topic: the hub must give up on
     * it (bounded send queue) rather than buffer without end. Returns when the flood is sent.
     */
    Socket slowReaderUnderFlood(int messages, int messageBytes) throws Exception {
        Socket slow = new Socket("127.0.0.1", port);
        slow.setReceiveBufferSize(4096);
        OutputStream out = slow.getOutputStream();
        out.write(upgrade(PATH, "13", true).getBytes(StandardCharsets.ISO_8859_1));
        out.write(maskedTextFrame("[\"/zeek-agent/flood\"]"));
        out.flush();
        InputStream in = slow.getInputStream();
        in.read(new byte[256]); // the 101 answer; after this, never read again
        String payload = dataMessage(
                "/zeek-agent/flood",
                "Hostile::flood",
                "[{\"@data-type\":\"string\",\"data\":\"" + "f".repeat(messageBytes) + "\"}]");
        try (Client flooder = Client.open(port)) {
            flooder.send("[\"/zeek-agent/other\"]");
            for (int i = 0; i < messages && flooder.isOpen(); i++) {
                flooder.send(payload);
                tried++;
            }
        }
        return slow;
    }

    private Client subscribed(String topic) throws InterruptedException {
        Client c = Client.open(port);
        c.send("[\"" + topic + "\"]");
        return c;
    }

    private Client sendOrReopen(Client c, Object message) throws InterruptedException {
        tried++;
        try {
            if (message instanceof byte[] bytes) {
                c.send(bytes);
            } else {
                c.send((String) message);
            }
            return c;
        } catch (WebsocketNotConnectedException e) {
            return subscribed("/zeek-agent/hostile");
        }
    }

    private String randomArgs() {
        StringBuilder sb = new StringBuilder("[");
        int n = random.nextInt(16);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(
                    switch (random.nextInt(6)) {
                        case 0 -> "{\"@data-type\":\"string\",\"data\":\"' OR 1=1 --\"}";
                        case 1 -> "{\"@data-type\":\"count\",\"data\":-5}";
                        case 2 -> "{\"@data-type\":\"integer\",\"data\":99999999999999999999999}";
                        case 3 -> "{\"@data-type\":\"vector\",\"data\":[{\"@data-type\":\"none\"}]}";
                        case 4 -> "{\"@data-type\":\"address\",\"data\":\"not-an-address\"}";
                        default -> "{\"@data-type\":\"timestamp\",\"data\":\"yesterday\"}";
                    });
        }
        return sb.append(']').toString();
    }

    static String dataMessage(String topic, String event, String argsJson) {
        return "{\"type\":\"data-message\",\"topic\":\"" + topic + "\",\"@data-type\":\"vector\",\"data\":["
                + "{\"@data-type\":\"count\",\"data\":1},{\"@data-type\":\"count\",\"data\":1},"
                + "{\"@data-type\":\"vector\",\"data\":[{\"@data-type\":\"string\",\"data\":\"" + event + "\"},"
                + "{\"@data-type\":\"vector\",\"data\":" + argsJson + "}]}]}";
    }

    private static String upgrade(String path, String version, boolean withKey) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + (withKey ? "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n" : "")
                + "Sec-WebSocket-Version: " + version + "\r\n\r\n";
    }

    private static byte[] maskedTextFrame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {1, 2, 3, 4};
        ByteBuffer frame = ByteBuffer.allocate(2 + 4 + payload.length);
        frame.put((byte) 0x81).put((byte) (0x80 | payload.length)).put(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.put((byte) (payload[i] ^ mask[i % 4]));
        }
        return frame.array();
    }

    /** A WebSocket client that keeps what it receives and how it was closed; {@code close()} does not wait. */
    static final class Client extends WebSocketClient implements AutoCloseable {

        final BlockingQueue<String> messages = new ArrayBlockingQueue<>(100_000);
        private volatile int closeCode = -1;

        private Client(URI uri) {
            super(uri);
        }

        static Client open(int port) throws InterruptedException {
            Client c = new Client(URI.create("ws://127.0.0.1:" + port + PATH));
            if (!c.connectBlocking(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("could not connect to the WebSocket port " + port);
            }
            return c;
        }

        int closeCode() {
            return closeCode;
        }

        void awaitClose() throws InterruptedException {
            for (int i = 0; i < 100 && closeCode == -1; i++) {
                messages.poll(100, TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public void onOpen(ServerHandshake handshake) {}

        @Override
        public void onMessage(String message) {
            messages.offer(message);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            closeCode = code;
        }

        @Override
        public void onError(Exception ex) {}
    }
}
