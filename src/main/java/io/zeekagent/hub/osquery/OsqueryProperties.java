package io.zeekagent.hub.osquery;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the osquery TLS remote API ({@code hub.osquery.*}).
 *
 * @param enabled whether the listener runs (off by default: it needs a keystore)
 * @param bindAddress the address the listener binds
 * @param port the TLS port; 0 picks a free one
 * @param threads request threads; a request that finds them all busy and the queue full gets a 503
 * @param queueCapacity requests waiting for a thread
 * @param maxBodyBytes largest enroll, config and distributed-read body, after gunzip
 * @param maxLogBodyBytes largest log and distributed-write body, after gunzip (osquery sends at most
 *     {@code logger_tls_max_lines} × {@code logger_tls_max_linesize})
 * @param maxLineBytes larger log lines are dropped and counted, the rest of the batch is kept
 * @param maxConfigBytes a host's config over this is not sent (osquery refuses over 1 MiB before 5.24)
 * @param distributedInterval {@code distributed_interval} sent in the config options
 * @param loggerTlsPeriod {@code logger_tls_period} sent in the config options
 * @param configRefresh the {@code --config_refresh} of the flagfile (osquery cannot be told it); used for liveness
 * @param accelerate seconds of {@code accelerate} sent while distributed queries are pending
 * @param addressRefresh how often the hub asks each host for its {@code interface_addresses}
 * @param queryExpiry a distributed query not answered within this is given up (FAILED for one-shot queries)
 * @param enrollPerMinute enroll requests accepted per client address per minute
 * @param defaultSocketEvents whether the hub creates, once, the osquery socket-event subscription
 * @param tls the server's keystore
 */
@Validated
@ConfigurationProperties("hub.osquery")
public record OsqueryProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("0.0.0.0") String bindAddress,
        @DefaultValue("8443") @Min(0) @Max(65535) int port,
        @DefaultValue("8") @Min(1) int threads,
        @DefaultValue("256") @Min(1) int queueCapacity,
        @DefaultValue("1048576") @Min(1024) long maxBodyBytes,
        @DefaultValue("67108864") @Min(1024) long maxLogBodyBytes,
        @DefaultValue("1048576") @Min(256) long maxLineBytes,
        @DefaultValue("1048576") @Min(1024) long maxConfigBytes,
        @DefaultValue("10s") Duration distributedInterval,
        @DefaultValue("10s") Duration loggerTlsPeriod,
        @DefaultValue("60s") Duration configRefresh,
        @DefaultValue("60") @Min(1) int accelerate,
        @DefaultValue("1h") Duration addressRefresh,
        @DefaultValue("10m") Duration queryExpiry,
        @DefaultValue("30") @Min(1) int enrollPerMinute,
        @DefaultValue("true") boolean defaultSocketEvents,
        @DefaultValue @Valid Tls tls) {

    /** A host is ONLINE while its last request is within 3 × its slowest polling period. */
    Duration offlineAfter() {
        Duration slowest = distributedInterval;
        if (loggerTlsPeriod.compareTo(slowest) > 0) {
            slowest = loggerTlsPeriod;
        }
        if (configRefresh.compareTo(slowest) > 0) {
            slowest = configRefresh;
        }
        return slowest.multipliedBy(3);
    }

    /**
     * The listener's key and certificate (osquery only speaks HTTPS and verifies the certificate).
     *
     * @param keystore path of the keystore (required when enabled)
     * @param keystorePassword password of the keystore and its key
     * @param keystoreType {@code PKCS12} or {@code JKS}
     */
    public record Tls(
            @Nullable String keystore,
            @DefaultValue("") String keystorePassword,
            @DefaultValue("PKCS12") String keystoreType) {}
}
