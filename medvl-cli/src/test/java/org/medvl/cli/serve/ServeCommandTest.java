package org.medvl.cli.serve;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.cli.Medvl;
import org.medvl.core.MedvlException;
import picocli.CommandLine;

/** `medvl serve` refuses bad setups with one clear line before it binds a port. */
class ServeCommandTest {
    @TempDir
    Path dir;

    private static String[] run(String... args) {
        CommandLine cl = Medvl.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        return new String[] {String.valueOf(cl.execute(args)), err.toString()};
    }

    @Test
    void missingModelDirectoryIsOneClearLine() {
        String[] r = run("serve", "--models", dir.resolve("nope").toString(), "--port", "0");
        assertNotEquals("0", r[0]);
        String first = r[1].lines().findFirst().orElse("");
        assertTrue(first.startsWith("medvl: ") && first.contains("does not exist"), r[1]);
        assertTrue(!r[1].contains("\tat "), "no stack trace");
    }

    @Test
    void tokenFileMustHoldOneNonEmptyLine() throws Exception {
        Path empty = Files.writeString(dir.resolve("token"), "  \n");
        assertThrows(MedvlException.class, () -> ServeCommand.readToken(empty));
        Path two = Files.writeString(dir.resolve("two"), "abc\ndef\n");
        assertThrows(MedvlException.class, () -> ServeCommand.readToken(two));
        assertThrows(MedvlException.class, () -> ServeCommand.readToken(dir.resolve("missing")));
        Path ok = Files.writeString(dir.resolve("ok"), "0123456789abcdef-token\n");
        assertTrue(ServeCommand.readToken(ok).equals("0123456789abcdef-token"));
    }
}
