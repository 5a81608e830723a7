package io.zeekagent.hub.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.zeromq.ZMQ;

/** Tests for {@link CompatAccess}: off unless enabled, and with control keys only from those keys. */
@ExtendWith(OutputCaptureExtension.class)
class CompatAccessTests {

    private static final String ZEEK = ZMQ.Curve.generateKeyPair().publicKey;
    private static final String AGENT = ZMQ.Curve.generateKeyPair().publicKey;
    private static final String OTHER_AGENT = ZMQ.Curve.generateKeyPair().publicKey;
    private static final CompatCall CALL = CompatCall.from(CompatFixtures.subscribe(CompatEvents.SUBSCRIBE, "c1"));

    private final AtomicLong now = new AtomicLong();

    @Test
    void disabledRefusesEveryoneWhateverTheKey() {
        CompatAccess access = new CompatAccess(false, Set.of(ZEEK));

        CompatAccess.Refusal refusal = access.check(CALL, ZEEK, "node-1");

        assertThat(refusal).isNotNull();
        assertThat(refusal.outcome()).isEqualTo("disabled");
        assertThat(refusal.message()).contains("hub.zeek.control-enabled");
    }

    @Test
    void withoutControlKeysAnyPeerMayCallKnownKeyOrNot() {
        CompatAccess access = new CompatAccess(true, Set.of());

        assertThat(access.check(CALL, AGENT, "node-1")).isNull();
        assertThat(access.check(CALL, null, "node-1")).isNull();
    }

    @Test
    void withControlKeysOnlyThoseKeysMayCallAndAnUnknownKeyIsRefusedToo() {
        CompatAccess access = new CompatAccess(true, Set.of(ZEEK));

        assertThat(access.check(CALL, ZEEK, "node-1")).isNull();
        CompatAccess.Refusal refused = access.check(CALL, AGENT, "node-2");
        assertThat(refused).isNotNull();
        assertThat(refused.outcome()).isEqualTo("key-refused");
        assertThat(refused.message()).contains(AGENT).contains("hub.zeek.control-keys");
        CompatAccess.Refusal noKey = access.check(CALL, null, "node-3");
        assertThat(noKey).isNotNull();
        assertThat(noKey.outcome()).isEqualTo("key-refused");
    }

    @Test
    void logsARefusedKeyAtMostOncePerIntervalEachKeyOnItsOwn(CapturedOutput output) {
        CompatAccess access = new CompatAccess(true, Set.of(ZEEK), Duration.ofSeconds(10), now::get);

        access.check(CALL, AGENT, "node-2");
        access.check(CALL, AGENT, "node-2");
        access.check(CALL, OTHER_AGENT, "node-3");
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        access.check(CALL, AGENT, "node-2");
        assertThat(occurrences(output.getOut(), AGENT)).isOne();
        assertThat(occurrences(output.getOut(), OTHER_AGENT)).isOne();

        now.addAndGet(Duration.ofSeconds(2).toNanos());
        access.check(CALL, AGENT, "node-2");
        assertThat(occurrences(output.getOut(), AGENT)).isEqualTo(2);
        assertThat(output.getOut()).contains("zeek:zeek-test").contains("node-2");
    }

    private static int occurrences(String text, String key) {
        return text.split(Pattern.quote("'" + key + "'"), -1).length - 1;
    }
}
