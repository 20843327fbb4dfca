package org.medvl.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.medvl.core.MedvlException;
import org.medvl.core.io.Progress;
import org.medvl.models.api.ModelAnswer;
import org.medvl.models.api.QuestionAnswerer;
import org.medvl.models.api.VisualQuestion;

/**
 * Asks a model a list of questions, in parallel up to a limit, through an {@link AnswerCache}: cached answers are
 * reused and never asked again, new answers are stored the moment they arrive. A question that still fails after the
 * model's own retries is recorded as failed and the run goes on.
 */
public final class AnsweringRun {
    /** Answers by question id (in input order) and the questions that failed with their error messages. */
    public record Outcome(Map<String, ModelAnswer> answers, Map<String, String> failures, int fromCache, int asked) {
    }

    private final QuestionAnswerer model;
    private final AnswerCache cache;
    private final int parallelism;

    public AnsweringRun(QuestionAnswerer model, AnswerCache cache, int parallelism) {
        this.model = model;
        this.cache = cache;
        this.parallelism = Math.max(1, parallelism);
    }

    /**
     * The cache key: the model and everything that shapes the prompt, so a changed question, option list, image or
     * corruption is asked afresh.
     */
    public String key(VisualQuestion q, String variant) {
        String material = model.name() + "\u0000" + variant + "\u0000" + q.id() + "\u0000" + q.question() + "\u0000"
                + String.join("\u0001", q.options()) + "\u0000" + (q.image() == null ? "" : q.image().toString());
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the questions; {@code variant} names the condition (e.g. "plain", "noise-0.1") for the cache key. */
    public Outcome run(String task, List<VisualQuestion> questions, String variant) {
        Map<String, ModelAnswer> answers = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        List<VisualQuestion> todo = new ArrayList<>();
        int cached = 0;
        for (VisualQuestion q : questions) {
            var hit = cache.get(key(q, variant));
            if (hit.isPresent()) {
                answers.put(q.id(), hit.get());
                cached++;
            } else {
                todo.add(q);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, todo.size())));
        try (Progress progress = Progress.start(task, todo.size())) {
            List<Future<ModelAnswer>> futures = new ArrayList<>();
            for (VisualQuestion q : todo) {
                futures.add(pool.submit(() -> {
                    try {
                        ModelAnswer a = model.answer(q);
                        cache.put(key(q, variant), a);
                        return a;
                    } finally {
                        progress.step();
                    }
                }));
            }
            for (int i = 0; i < todo.size(); i++) {
                try {
                    answers.put(todo.get(i).id(), futures.get(i).get());
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    failures.put(todo.get(i).id(), c instanceof MedvlException ? c.getMessage()
                            : c.getClass().getSimpleName() + ": " + c.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MedvlException("interrupted; answers so far are kept in " + cache.file());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        // restore input order
        Map<String, ModelAnswer> ordered = new LinkedHashMap<>();
        for (VisualQuestion q : questions) {
            if (answers.containsKey(q.id())) {
                ordered.put(q.id(), answers.get(q.id()));
            }
        }
        return new Outcome(ordered, failures, cached, todo.size());
    }
}
