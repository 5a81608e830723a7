package io.zeekagent.hub.attribution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Dictionary coding of what an event says about its process besides the pid: executable, user id and syscall. A
 * host runs few distinct (executable, user, syscall) triples, so an event stores one int instead of 13 bytes.
 * Code 0 is all three unknown. Not thread-safe.
 */
final class ProcessDictionary {

    private record Process(
            @Nullable String exe, long uid, @Nullable String syscall) {}

    private static final Process UNKNOWN = new Process(null, Long.MIN_VALUE, null);

    private final Map<Process, Integer> codes = new HashMap<>();
    private final List<Process> values = new ArrayList<>();

    ProcessDictionary() {
        values.add(UNKNOWN);
        codes.put(UNKNOWN, 0);
    }

    /** The code of the triple; {@code uid} {@link Long#MIN_VALUE} is unknown. */
    int encode(@Nullable String exe, long uid, @Nullable String syscall) {
        Process p = new Process(exe, uid, syscall);
        Integer code = codes.get(p);
        if (code != null) {
            return code;
        }
        int next = values.size();
        codes.put(p, next);
        values.add(p);
        return next;
    }

    @Nullable
    String exe(int code) {
        return values.get(code).exe();
    }

    long uid(int code) {
        return values.get(code).uid();
    }

    @Nullable
    String syscall(int code) {
        return values.get(code).syscall();
    }

    int size() {
        return values.size();
    }
}
