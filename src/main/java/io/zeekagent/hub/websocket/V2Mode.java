package io.zeekagent.hub.websocket;

/**
 * The agent's subscription types ({@code ZeekAgent::SubscriptionType}, §2.7): what a scheduled query reports on
 * each run.
 */
enum V2Mode {
    /** Every run, all rows; also what a one-shot query uses. */
    SNAPSHOTS("ZeekAgent::Snapshots"),
    /** First run nothing, then removed rows as {@code Delete} and new rows as {@code Add}. */
    DIFFERENCES("ZeekAgent::Differences"),
    /** First run all rows (no change field), then differences. */
    SNAPSHOT_PLUS_DIFFERENCES("ZeekAgent::SnapshotPlusDifferences"),
    /** First run nothing, then rows not in the previous result as {@code Add}: for event tables. */
    EVENTS("ZeekAgent::Events");

    private final String enumName;

    V2Mode(String enumName) {
        this.enumName = enumName;
    }

    /** The Zeek enum value name on the wire. */
    String enumName() {
        return enumName;
    }
}
