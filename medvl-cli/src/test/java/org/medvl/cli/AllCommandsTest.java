package org.medvl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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


    @Test
    void helpListsEveryGroupWithOneLineEach() {
        CommandRun r = CommandRun.of("--help");
        assertEquals(0, r.code());
        for (String group : Medvl.commandLine().getSubcommands().keySet()) {
            assertTrue(r.out().contains("  " + group + " "), group + " missing from --help:\n" + r.out());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCommandRejectsUnknownOptionsClearly() {
        return leafCommands().stream().map(path -> DynamicTest.dynamicTest(String.join(" ", path), () -> {
            List<String> helpArgs = new ArrayList<>(path);
            helpArgs.add("--help");
            CommandRun help = CommandRun.of(helpArgs.toArray(String[]::new));
            assertEquals(0, help.code(), "help of " + path);
            assertTrue(help.out().contains("Usage: medvl " + String.join(" ", path)), help.out());

            List<String> bad = new ArrayList<>(path);
            bad.add("--definitely-not-an-option");
            CommandRun r = CommandRun.of(bad.toArray(String[]::new));
            assertNotEquals(0, r.code());
            String first = r.err().lines().findFirst().orElse("");
            assertTrue(first.startsWith("medvl: "), "first line: " + first);
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        }));
    }
}
