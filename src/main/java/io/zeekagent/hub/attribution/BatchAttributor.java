package io.zeekagent.hub.attribution;

import io.zeekagent.hub.system.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Attributes record after record for the batch formats, reusing every buffer: the fields, the matches, the
 * hasher. After {@link #attribute()} the seuids of each side are available in time order. Not thread-safe.
 */
final class BatchAttributor {

    final ConnFields fields = new ConnFields();
    private final AttributionIndex index;
    private final MatchCollector matches = new MatchCollector(false);
    private final CommunityId hasher = CommunityId.forCurrentThread();
    private final List<FieldProblem> problems = new ArrayList<>();
    private @Nullable String communityId;

    BatchAttributor(AttributionIndex index) {
        this.index = index;
    }

    /** Attributes the current {@link #fields}; false (see {@link #problem()}) when they are invalid. */
    boolean attribute() {
        problems.clear();
        ConnectionTuple tuple = fields.resolve(problems);
        if (tuple == null) {
            return false;
        }
        index.attribute(tuple, matches);
        communityId = fields.communityId(tuple, hasher);
        return true;
    }

    /** Why the last record could not be attributed. */
    String problem() {
        StringBuilder sb = new StringBuilder();
        for (FieldProblem p : problems) {
            sb.append(sb.length() == 0 ? "" : "; ")
                    .append(p.field())
                    .append(": ")
                    .append(p.message());
        }
        return sb.toString();
    }

    @Nullable
    String communityId() {
        return communityId;
    }

    /** Appends the seuids of one side, in time order, each through {@code sink}; returns how many. */
    int seuids(byte side, SeuidSink sink) {
        int n = 0;
        for (int k = 0; k < matches.size(); k++) {
            int i = matches.at(k);
            if (matches.side(i) == side) {
                sink.accept(n++, matches.seuid(i));
            }
        }
        return n;
    }

    /** Receives seuids one at a time, with their position. */
    @FunctionalInterface
    interface SeuidSink {
        void accept(int position, String seuid);
    }
}
