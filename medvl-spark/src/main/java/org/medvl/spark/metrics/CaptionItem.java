package org.medvl.spark.metrics;

import java.io.Serializable;
import java.util.List;
import org.medvl.metrics.caption.CaptionPair;

/** One scored item as it travels between executors: its corpus position, optional id, references and hypothesis. */
public record CaptionItem(long index, String id, List<String> refs, String hyp) implements Serializable {
    public CaptionItem {
        refs = List.copyOf(refs);
    }

    CaptionPair pair() {
        return new CaptionPair(refs, hyp);
    }
}
