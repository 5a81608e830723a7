package io.zeekagent.hub.zeek;

import io.zeekagent.hub.zeromq.CurveKeys;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the hub's side of the Zeek package ({@code hub.zeek.*}).
 *
 * @param enabled whether the hub answers Zeek's attribution requests and sends its hello at all
 * @param helloInterval how often {@code ZeekAgentHub::hub_hello} goes to every Zeek; Zeek treats the hub as gone
 *     after a few missed hellos, so keep it well under the package's {@code hub_timeout} (15 s)
 * @param summaryInterval how often the activity log gets one summary line of the requests answered (none when idle)
 * @param controlEnabled whether the hub acts on control events of the zeek-agent-hub/compat script API (subscribe,
 *     execute, join ... from a Zeek): off by default, because any peer of the proxy could send them (docs/security.md)
 * @param controlKeys when not empty, control events are acted on only from connections that authenticated with one
 *     of these CURVE public keys (Z85; a Zeek cluster's client key): possible only with the embedded proxy and CURVE
 *     on, where the hub sees which key sent each event; elsewhere the hub refuses to start with it set
 * @param controlOrphanAfter how long a Zeek has to make its subscriptions again (after the hub started, or after a new
 *     process of it first called) before those it did not make are deleted
 * @param answerOnSocketThread answer requests memory alone answers on the bridge's socket thread; unset: yes in
 *     {@code embedded-proxy} mode, no in {@code connect} mode
 */
@Validated
@ConfigurationProperties("hub.zeek")
record ZeekProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5s") @NotNull Duration helloInterval,
        @DefaultValue("60s") @NotNull Duration summaryInterval,
        @DefaultValue("false") boolean controlEnabled,
        @DefaultValue List<String> controlKeys,
        @DefaultValue("10m") @NotNull Duration controlOrphanAfter,
        @Nullable Boolean answerOnSocketThread) {

    ZeekProperties {
        controlKeys = controlKeys.stream()
                .map(String::strip)
                .filter(k -> !k.isEmpty())
                .toList();
        for (int i = 0; i < controlKeys.size(); i++) {
            CurveKeys.decode(controlKeys.get(i), "hub.zeek.control-keys[" + i + "]");
        }
    }

    /**
     * Whether requests memory alone answers are answered on the bridge's socket thread: as configured, else (unset)
     * when that thread is the embedded proxy's ({@code embedded-proxy} mode), where it measured faster and lost
     * nothing in a flat-out burst; the dispatch thread in {@code connect} mode, where it was measured lossy.
     */
    boolean answerOnSocketThread(boolean proxyThread) {
        return answerOnSocketThread == null ? proxyThread : answerOnSocketThread;
    }
}
