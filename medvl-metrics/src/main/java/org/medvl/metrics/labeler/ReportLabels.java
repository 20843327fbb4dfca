package org.medvl.metrics.labeler;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The 14 observation states of one report; immutable. */
public final class ReportLabels {
    private final FindingState[] states;

    private ReportLabels(FindingState[] states) {
        this.states = states;
    }

    /** Labels from a map; observations missing from it are NOT_MENTIONED. */
    public static ReportLabels of(Map<Observation, FindingState> map) {
        FindingState[] s = new FindingState[Observation.all().size()];
        Arrays.fill(s, FindingState.NOT_MENTIONED);
        map.forEach((o, v) -> s[o.ordinal()] = v);
        return new ReportLabels(s);
    }

    /** Labels from 14 states in CheXpert order. */
    public static ReportLabels of(List<FindingState> inOrder) {
        if (inOrder.size() != Observation.all().size()) {
            throw new IllegalArgumentException("expected 14 labels, got " + inOrder.size());
        }
        return new ReportLabels(inOrder.toArray(new FindingState[0]));
    }

    static ReportLabels wrap(FindingState[] states) {
        return new ReportLabels(states);
    }

    public FindingState get(Observation o) {
        return states[o.ordinal()];
    }

    /** The 14 states in CheXpert order. */
    public List<FindingState> inOrder() {
        return List.of(states);
    }

    /** Observations labelled POSITIVE. */
    public Set<Observation> positives() {
        return with(FindingState.POSITIVE);
    }

    /** Observations in exactly this state. */
    public Set<Observation> with(FindingState state) {
        Set<Observation> out = EnumSet.noneOf(Observation.class);
        for (Observation o : Observation.all()) {
            if (states[o.ordinal()] == state) {
                out.add(o);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReportLabels r && Arrays.equals(states, r.states);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(states);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (Observation o : Observation.all()) {
            FindingState s = states[o.ordinal()];
            if (s != FindingState.NOT_MENTIONED) {
                sb.append(sb.length() > 1 ? ", " : "").append(o.displayName()).append('=').append(s);
            }
        }
        return sb.append('}').toString();
    }
}
