package org.medvl.cli.data;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.medvl.core.io.JsonLines;
import org.medvl.data.DatasetInfo;
import org.medvl.data.DatasetRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medvl data list}: the dataset registry. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the field's datasets: domain, modality, counts, language, licence, and whether medvl loads them.")
public final class DataListCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Show every fact about one dataset.")
    String name;

    @Option(names = "--json", description = "Print the registry as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<DatasetInfo> all = name == null ? DatasetRegistry.all() : List.of(DatasetRegistry.require(name));
        if (json) {
            var arr = JsonLines.MAPPER.createArrayNode();
            for (DatasetInfo d : all) {
                var o = JsonLines.MAPPER.valueToTree(d);
                ((com.fasterxml.jackson.databind.node.ObjectNode) o).remove("loader");
                ((com.fasterxml.jackson.databind.node.ObjectNode) o).put("loadable", d.loadable());
                arr.add(o);
            }
            out.println(JsonLines.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
        } else if (name != null) {
            details(out, all.get(0));
        } else {
            table(out, all);
        }
        out.flush();
        return 0;
    }

    private static void table(PrintWriter out, List<DatasetInfo> all) {
        String fmt = "%-16s %-13s %-22s %-28s %-18s %-30s %-7s %-5s %s%n";
        out.printf(fmt, "NAME", "TYPE", "DOMAIN", "MODALITY", "IMAGES", "TEXTS", "LANG", "LOADS", "LICENCE");
        for (DatasetInfo d : all) {
            out.printf(fmt, d.name(), d.category(), cut(d.domain(), 22), cut(d.modality(), 28), cut(d.images(), 18),
                    cut(d.texts(), 30), d.language(), d.loadable() ? "yes" : "no", d.licence());
        }
        out.printf("%nUse a NAME as --dataset NAME:PATH[#split]; 'medvl data list NAME' shows source, homepage, paper "
                + "and the files the loader reads.%n");
    }

    private static void details(PrintWriter out, DatasetInfo d) {
        java.util.Map<String, String> facts = new java.util.LinkedHashMap<>();
        facts.put("name", d.name() + (d.aliases().isEmpty() ? "" : " (also " + String.join(", ", d.aliases()) + ")"));
        facts.put("title", d.title());
        facts.put("type", d.category());
        facts.put("domain", d.domain());
        facts.put("modality", d.modality());
        facts.put("images", d.images());
        facts.put("texts", d.texts());
        facts.put("language", d.language());
        facts.put("source", d.source());
        facts.put("licence", d.licence());
        facts.put("homepage", d.homepage());
        facts.put("paper", d.paper());
        facts.put("layout", d.layout());
        facts.put("loads", d.loadable() ? "yes" : "no");
        facts.forEach((k, v) -> out.printf("%-10s %s%n", k, v));
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "~";
    }
}
