package io.zeekagent.hub.attribution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Dictionary coding for repetitive text (executable paths, syscall names): an event stores an int, the text is
 * kept once. Code 0 is {@code null}. Not thread-safe.
 */
final class StringDictionary {

    private final Map<String, Integer> codes = new HashMap<>();
    private final List<@Nullable String> values = new ArrayList<>();

    StringDictionary() {
        values.add(null);
    }

    int encode(@Nullable String value) {
        if (value == null) {
            return 0;
        }
        Integer code = codes.get(value);
        if (code != null) {
            return code;
        }
        int next = values.size();
        codes.put(value, next);
        values.add(value);
        return next;
    }

    @Nullable
    String decode(int code) {
        return values.get(code);
    }

    int size() {
        return values.size();
    }
}
