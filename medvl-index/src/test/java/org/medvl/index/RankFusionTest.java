package org.medvl.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RankFusionTest {
    @Test
    void scoresAreSumsOfReciprocalRanksWithK60() {
        List<RankFusion.Fused<String>> f = RankFusion.fuse(List.of(List.of("a", "b", "c"), List.of("b", "d")), 60);
        assertEquals(List.of("b", "a", "d", "c"), f.stream().map(RankFusion.Fused::id).toList());
        assertEquals(1.0 / 62 + 1.0 / 61, f.get(0).score(), 1e-12);
        assertEquals(1.0 / 61, f.get(1).score(), 1e-12);
        assertEquals(1.0 / 62, f.get(2).score(), 1e-12);
        assertEquals(1.0 / 63, f.get(3).score(), 1e-12);
    }

    @Test
    void tiesGoToTheBetterSingleRankThenToFirstAppearance() {
        // x: ranks 1 and 3 -> 1/61 + 1/63; y: 2 and 2 -> 2/62, which is smaller (convexity), so x first.
        List<RankFusion.Fused<String>> f = RankFusion.fuse(List.of(List.of("x", "y", "z"), List.of("z", "y", "x")),
                60);
        assertEquals(List.of("x", "z", "y"), f.stream().map(RankFusion.Fused::id).toList());
        // Exactly equal scores and best ranks: the list order decides.
        List<RankFusion.Fused<String>> g = RankFusion.fuse(List.of(List.of("p"), List.of("q")), 60);
        assertEquals(List.of("p", "q"), g.stream().map(RankFusion.Fused::id).toList());
    }

    @Property(tries = 200)
    void aSingleListKeepsItsOrder(@ForAll @IntRange(min = 0, max = 50) int n, @ForAll @IntRange(max = 100) int k) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(i * 7 % 101);
        }
        Collections.shuffle(ids, new java.util.Random(n));
        List<Integer> fused = RankFusion.fuse(List.of(ids), k).stream().map(RankFusion.Fused::id).toList();
        assertEquals(ids, fused);
    }

    @Property(tries = 200)
    void fusingAListWithItselfPreservesOrderAndDoublesScores(@ForAll @IntRange(min = 1, max = 40) int n) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(n - i);
        }
        List<RankFusion.Fused<Integer>> once = RankFusion.fuse(List.of(ids), 60);
        List<RankFusion.Fused<Integer>> twice = RankFusion.fuse(List.of(ids, ids), 60);
        for (int i = 0; i < n; i++) {
            assertEquals(once.get(i).id(), twice.get(i).id());
            assertEquals(2 * once.get(i).score(), twice.get(i).score(), 1e-12);
        }
    }
}
