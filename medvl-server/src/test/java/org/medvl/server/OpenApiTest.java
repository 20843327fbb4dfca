package org.medvl.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.medvl.server.http.Route;
import org.medvl.server.load.CalibrationModels;

/** /openapi.json documents exactly the routes the server registers, each with its responses and path parameters. */
class OpenApiTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch", "head", "options");

    @Test
    void documentMatchesTheRoutes() {
        try (TestServer s = TestServer.start(CalibrationModels.all())) {
            JsonNode doc = TestServer.json(s.get("/openapi.json"));
            assertTrue(doc.get("openapi").asText().startsWith("3."));
            Set<String> documented = new TreeSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    assertTrue(METHODS.contains(op.getKey()), "unknown key " + op.getKey() + " under " + path.getKey());
                    assertTrue(op.getValue().has("responses"), path.getKey() + " " + op.getKey() + " has responses");
                    documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                    if (path.getKey().contains("{")) {
                        assertTrue(op.getValue().has("parameters"), path.getKey() + " documents its path parameter");
                    }
                }
            }
            Set<String> served = new TreeSet<>();
            for (Route r : s.server.routes()) {
                served.add(r.method().name() + " " + r.path());
            }
            assertEquals(served, documented);
            assertRefsResolve(doc, doc);
        }
    }

    /** Every "$ref" points at an existing component. */
    private static void assertRefsResolve(JsonNode root, JsonNode node) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null) {
                assertTrue(!root.at(ref.asText().substring(1)).isMissingNode(), "unresolved " + ref.asText());
            }
            node.elements().forEachRemaining(n -> assertRefsResolve(root, n));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(n -> assertRefsResolve(root, n));
        }
    }
}
