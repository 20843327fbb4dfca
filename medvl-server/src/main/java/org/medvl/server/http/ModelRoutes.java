package org.medvl.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.medvl.image.Window;
import org.medvl.models.api.ModelAnswer;
import org.medvl.models.api.VisualQuestion;
import org.medvl.models.api.ZeroShotClassifier.LabelScore;
import org.medvl.server.ApiException;
import org.medvl.server.batch.MicroBatcher;
import org.medvl.server.batch.ModelQueues;
import org.medvl.server.fhir.DiagnosticReports;
import org.medvl.server.images.StoredImage;
import org.medvl.server.images.UploadLimits;
import org.medvl.server.images.UploadStore;
import org.medvl.server.models.ModelSet;
import org.medvl.server.models.SimilarCases;

/** The model endpoints: report (JSON or FHIR R4), question answering, zero-shot findings, similar cases. */
public final class ModelRoutes {
    public static final String DISCLAIMER = "Outputs are machine-generated drafts for research and review. They are not"
            + " diagnoses and must be checked by a qualified clinician.";
    /** Findings offered when a request names none: common chest radiograph findings (CheXpert names). */
    public static final List<String> DEFAULT_FINDINGS = List.of("no finding", "cardiomegaly", "pleural effusion",
            "pneumothorax", "consolidation", "lung opacity", "atelectasis", "edema", "nodule", "support devices");
    static final String FHIR_JSON = "application/fhir+json";
    private static final int MAX_QUESTION = 500;
    private static final int MAX_LABELS = 32;
    private static final int MAX_LABEL = 100;
    private static final int MAX_K = 50;
    private final UploadStore store;
    private final ModelSet models;
    private final ModelQueues queues;
    private final Duration timeout;
    private final boolean auth;
    public ModelRoutes(UploadStore store, ModelSet models, ModelQueues queues, Duration timeout, boolean auth) {
        this.store = store;
        this.models = models;
        this.queues = queues;
        this.timeout = timeout;
        this.auth = auth;
    }

    public List<Route> routes() {
        return List.of(new Route(HandlerType.GET, "/api/models", this::describe),
                new Route(HandlerType.POST, "/api/images/{id}/report", this::report),
                new Route(HandlerType.POST, "/api/images/{id}/answer", this::answer),
                new Route(HandlerType.POST, "/api/images/{id}/findings", this::findings),
                new Route(HandlerType.POST, "/api/images/{id}/similar", this::similar));
    }

    private void describe(Context ctx) {
        UploadLimits l = store.limits();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("panels", models.panels());
        m.put("disclaimer", DISCLAIMER);
        m.put("defaultFindings", DEFAULT_FINDINGS);
        m.put("windowPresets", Window.presetNames());
        Map<String, Map<String, Double>> presetValues = new LinkedHashMap<>();
        for (String name : Window.presetNames()) {
            Window w = Window.preset(name);
            presetValues.put(name, Map.of("center", w.center(), "width", w.width()));
        }
        m.put("windowPresetValues", presetValues);
        m.put("maxUploadBytes", l.maxBytes());
        m.put("maxPixels", l.maxPixels());
        m.put("authRequired", auth);
        Json.reply(ctx, 200, m);
    }

    private void report(Context ctx) {
        StoredImage s = store.get(ctx.pathParam("id"));
        Json.object(ctx); // no fields yet, but a malformed body is still refused
        String text = await(require(queues.report, ModelSet.REPORT).submit(List.of(s.file())));
        String model = models.report().name();
        if (wantsFhir(ctx)) {
            ctx.status(200).contentType(FHIR_JSON + "; charset=utf-8")
                    .result(DiagnosticReports.json(DiagnosticReports.draft(text, model, s.studyInstanceUid(),
                            s.deidentified())));
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("imageId", s.id());
        m.put("model", model);
        m.put("status", "preliminary");
        m.put("report", text);
        m.put("disclaimer", DISCLAIMER);
        Json.reply(ctx, 200, m);
    }

    private static boolean wantsFhir(Context ctx) {
        String f = ctx.queryParam("format");
        if (f != null && !f.isBlank()) {
            if (f.equalsIgnoreCase("fhir")) {
                return true;
            }
            if (!f.equalsIgnoreCase("json")) {
                throw ApiException.badRequest("format must be json or fhir");
            }
            return false;
        }
        String accept = ctx.header("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(FHIR_JSON);
    }

    private void answer(Context ctx) {
        StoredImage s = store.get(ctx.pathParam("id"));
        JsonNode body = Json.object(ctx);
        String question = text(body, "question", MAX_QUESTION);
        if (question.isEmpty()) {
            throw ApiException.badRequest("give a question: {\"question\": \"Is there a pleural effusion?\"}");
        }
        List<String> options = strings(body, "options", MAX_LABELS, MAX_LABEL, List.of());
        ModelAnswer a = await(require(queues.vqa, ModelSet.VQA).submit(
                new VisualQuestion("workbench-" + s.id(), s.file(), question, options)));
        List<Map<String, Object>> alternatives = new ArrayList<>();
        for (ModelAnswer.Alternative alt : a.alternatives()) {
            alternatives.add(Map.of("answer", alt.text(), "probability", alt.probability()));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("imageId", s.id());
        m.put("model", models.vqa().name());
        m.put("question", question);
        m.put("answer", a.text());
        m.put("probability", Double.isNaN(a.probability()) ? null : a.probability());
        m.put("alternatives", alternatives);
        m.put("disclaimer", DISCLAIMER);
        Json.reply(ctx, 200, m);
    }

    private void findings(Context ctx) {
        StoredImage s = store.get(ctx.pathParam("id"));
        List<String> labels = strings(Json.object(ctx), "labels", MAX_LABELS, MAX_LABEL, DEFAULT_FINDINGS);
        if (labels.size() < 2) {
            throw ApiException.badRequest("give at least two labels to compare");
        }
        List<LabelScore> scores = await(require(queues.findings, ModelSet.FINDINGS).submit(
                new ModelQueues.FindingsRequest(s.file(), labels)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("imageId", s.id());
        m.put("model", models.zeroShot().name());
        m.put("scores", scores);
        m.put("disclaimer", DISCLAIMER);
        Json.reply(ctx, 200, m);
    }

    private void similar(Context ctx) {
        StoredImage s = store.get(ctx.pathParam("id"));
        Json.object(ctx);
        int k = ImageRoutes.intParam(ctx, "k", 5);
        if (k < 1 || k > MAX_K) {
            throw ApiException.badRequest("k must be 1.." + MAX_K);
        }
        List<SimilarCases.Case> cases = await(require(queues.similar, ModelSet.SIMILAR).submit(
                new ModelQueues.SimilarRequest(s.file(), k)));
        Json.reply(ctx, 200, Map.of("imageId", s.id(), "index", models.similar().name(), "cases", cases));
    }

    private <I, O> MicroBatcher<I, O> require(MicroBatcher<I, O> b, String panel) {
        if (b == null) {
            String note = models.panels().stream().filter(p -> p.panel().equals(panel)).findFirst()
                    .map(ModelSet.Panel::note).orElse("");
            throw ApiException.notFound(panel + " is not available on this server: " + note);
        }
        return b;
    }

    private <T> T await(CompletableFuture<T> f) {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(false);
            throw new ApiException(503, "the model did not answer within " + timeout.toSeconds() + " s; retry later");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted while waiting for the model");
        } catch (ExecutionException e) {
            throw Errors.unwrap(e.getCause());
        }
    }

    private static String text(JsonNode body, String field, int max) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return "";
        }
        if (!n.isTextual()) {
            throw ApiException.badRequest(field + " must be a string");
        }
        String v = n.asText().strip();
        if (v.length() > max) {
            throw ApiException.badRequest(field + " is longer than " + max + " characters");
        }
        return v;
    }

    private static List<String> strings(JsonNode body, String field, int maxItems, int maxLen, List<String> fallback) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isArray() || n.size() > maxItems) {
            throw ApiException.badRequest(field + " must be an array of at most " + maxItems + " strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isTextual() || e.asText().isBlank() || e.asText().length() > maxLen) {
                throw ApiException.badRequest(field + " must hold non-empty strings of at most " + maxLen
                        + " characters");
            }
            if (!out.contains(e.asText().strip())) {
                out.add(e.asText().strip());
            }
        }
        return out;
    }
}
