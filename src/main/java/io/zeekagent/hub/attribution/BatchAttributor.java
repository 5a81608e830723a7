package io.zeekagent.hub.attribution;

import io.zeekagent.hub.system.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Attributes records for the batch formats in groups, reusing every buffer: the fields, the matches, the hasher.
 * A record is first {@link #resolve resolved} into a slot; {@link #attributeGroup} then attributes every resolved
 * slot with one cold-tier statement for the whole group (docs/attribution.md "Tiers"), after which each slot's
 * seuids (in time order), Community ID and completeness are available. Not thread-safe.
 */
final class BatchAttributor {

    final ConnFields fields = new ConnFields();
    private final ConnectionAttributor tiers;
    private final int groupSize;
    private final CommunityId hasher = CommunityId.forCurrentThread();
    private final List<FieldProblem> problems = new ArrayList<>();
    private final List<ConnectionTuple> tuples = new ArrayList<>();
    private final List<MatchCollector> outs = new ArrayList<>();
    private final List<Completeness> states = new ArrayList<>();
    private final List<@Nullable String> communityIds = new ArrayList<>();
    private final List<@Nullable String> slotProblems = new ArrayList<>();
    private final List<ConnectionTuple> groupTuples = new ArrayList<>();
    private final List<MatchCollector> groupOuts = new ArrayList<>();
    private final List<Completeness> groupStates = new ArrayList<>();

    private final FlowMemory flows;

    BatchAttributor(ConnectionAttributor tiers, int groupSize, FlowMemory flows) {
        this.tiers = tiers;
        this.groupSize = groupSize;
        this.flows = flows;
    }

    /** How many records a group holds before it must be attributed: 1 while memory alone is complete. */
    int groupSize() {
        return tiers.mayNeedCold() ? groupSize : 1;
    }

    /** Resolves the current {@link #fields} into {@code slot}; false (see {@link #problem}) when invalid. */
    boolean resolve(int slot) {
        while (tuples.size() <= slot) {
            tuples.add(new ConnectionTuple(0, 0, 0, 0, 0, 0, 0, 0));
            outs.add(new MatchCollector(false));
            states.add(new Completeness());
            communityIds.add(null);
            slotProblems.add(null);
        }
        problems.clear();
        ConnectionTuple tuple = fields.resolve(problems);
        if (tuple == null) {
            StringBuilder sb = new StringBuilder();
            for (FieldProblem p : problems) {
                sb.append(sb.length() == 0 ? "" : "; ")
                        .append(p.field())
                        .append(": ")
                        .append(p.message());
            }
            slotProblems.set(slot, sb.toString());
            return false;
        }
        slotProblems.set(slot, null);
        tuples.set(slot, tuple);
        String communityId = fields.communityId(tuple, hasher);
        communityIds.set(slot, communityId);
        flows.remember(communityId, tuple, System.currentTimeMillis());
        return true;
    }

    /** Attributes the resolved slots among the first {@code n}. */
    void attributeGroup(int n) {
        groupTuples.clear();
        groupOuts.clear();
        groupStates.clear();
        for (int slot = 0; slot < n; slot++) {
            if (slotProblems.get(slot) == null) {
                groupTuples.add(tuples.get(slot));
                groupOuts.add(outs.get(slot));
                groupStates.add(states.get(slot));
            }
        }
        if (!groupTuples.isEmpty()) {
            tiers.attributeAll(groupTuples, groupOuts, groupStates, groupTuples.size());
        }
    }

    /** Why the record of {@code slot} could not be attributed, or {@code null} when it was. */
    @Nullable
    String problemOrNull(int slot) {
        return slotProblems.get(slot);
    }

    @Nullable
    String communityId(int slot) {
        return communityIds.get(slot);
    }

    Completeness completeness(int slot) {
        return states.get(slot);
    }

    /** Appends the seuids of one side, in time order, each through {@code sink}; returns how many. */
    int seuids(int slot, byte side, SeuidSink sink) {
        MatchCollector matches = outs.get(slot);
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
