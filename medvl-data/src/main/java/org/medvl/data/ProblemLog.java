package org.medvl.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.medvl.core.MedvlException;

/**
 * Collects the problems of one opened dataset. Thread-safe. In strict mode a skipped record throws instead.
 * Identical problems found again (a stream read twice) are counted once.
 */
public final class ProblemLog {
    /** Problems kept in memory; beyond this only the count grows, so a broken million-line file stays cheap. */
    public static final int MAX_KEPT = 1000;

    private final boolean strict;
    private final Set<DataProblem> kept = new LinkedHashSet<>();
    private long overflow;

    public ProblemLog(boolean strict) {
        this.strict = strict;
    }

    public boolean strict() {
        return strict;
    }

    /** A record or file that had to be skipped; throws in strict mode. */
    public void skipped(Path file, long line, String record, String message) {
        DataProblem p = new DataProblem(file, line, record, message, true);
        if (strict) {
            throw new MedvlException(p + " (strict mode stops at the first problem)");
        }
        add(p);
    }

    /** A problem with a record that was still kept (e.g. its images folder is absent); never throws. */
    public void warning(Path file, long line, String record, String message) {
        add(new DataProblem(file, line, record, message, false));
    }

    private synchronized void add(DataProblem p) {
        if (kept.contains(p)) {
            return;
        }
        if (kept.size() < MAX_KEPT) {
            kept.add(p);
        } else {
            overflow++;
        }
    }

    public synchronized List<DataProblem> problems() {
        return List.copyOf(new ArrayList<>(kept));
    }

    public synchronized long count() {
        return kept.size() + overflow;
    }
}
