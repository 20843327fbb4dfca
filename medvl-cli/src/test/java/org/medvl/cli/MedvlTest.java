package org.medvl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MedvlTest {
    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        CommandLine cl = Medvl.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpListsCommands() {
        Result r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Usage: medvl"), r.out());
    }

    @Test
    void versionPrintsVersionAndCommit() {
        Result r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("medvl "), r.out());
        assertTrue(r.out().contains("commit "), r.out());
    }

    @Test
    void unknownOptionIsOneClearLineAndNonZero() {
        Result r = run("--no-such-option");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("medvl: Unknown option: '--no-such-option'"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose: " + r.err());
    }
}
