package org.medvl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/** Every command: --help works, an unknown option is one clear line with a non-zero exit and no stack trace. */
class AllCommandsTest {
    static List<List<String>> leafCommands() {
        List<List<String>> out = new ArrayList<>();
        collect(Medvl.commandLine(), new ArrayList<>(), out);
        return out;
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
        if (cl.getSubcommands().isEmpty()) {
            out.add(List.copyOf(path));
            return;
        }
        cl.getSubcommands().forEach((name, sub) -> {
            if (!name.equals(sub.getCommandName())) {
                return; // skip aliases
            }
            List<String> p = new ArrayList<>(path);
            p.add(name);
            collect(sub, p, out);
        });
    }

    static String[] run(StringWriter out, StringWriter err, List<String> args) {
        CommandLine cl = Medvl.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args.toArray(String[]::new));
        return new String[] {String.valueOf(code)};
    }

    @Test
    void helpListsEveryGroupWithOneLineEach() {
        StringWriter out = new StringWriter();
        String[] code = run(out, new StringWriter(), List.of("--help"));
        assertEquals("0", code[0]);
        for (String group : Medvl.commandLine().getSubcommands().keySet()) {
            assertTrue(out.toString().contains("  " + group + " "), group + " missing from --help:\n" + out);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCommandRejectsUnknownOptionsClearly() {
        return leafCommands().stream().map(path -> DynamicTest.dynamicTest(String.join(" ", path), () -> {
            StringWriter help = new StringWriter();
            List<String> helpArgs = new ArrayList<>(path);
            helpArgs.add("--help");
            assertEquals("0", run(help, new StringWriter(), helpArgs)[0], "help of " + path);
            assertTrue(help.toString().contains("Usage: medvl " + String.join(" ", path)), help.toString());

            StringWriter err = new StringWriter();
            List<String> bad = new ArrayList<>(path);
            bad.add("--definitely-not-an-option");
            String[] code = run(new StringWriter(), err, bad);
            assertNotEquals("0", code[0]);
            String first = err.toString().lines().findFirst().orElse("");
            assertTrue(first.startsWith("medvl: "), "first line: " + first);
            assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
        }));
    }
}
