package org.medvl.cli.serve;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.cli.CommandRun;
import org.medvl.core.MedvlException;

/** `medvl serve` refuses bad setups with one clear line before it binds a port. */
class ServeCommandTest {
    @TempDir
    Path dir;


    @Test
    void missingModelDirectoryIsOneClearLine() {
        CommandRun r = CommandRun.of("serve", "--models", dir.resolve("nope").toString(), "--port", "0");
        assertNotEquals(0, r.code());
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("medvl: ") && first.contains("does not exist"), r.err());
        assertTrue(!r.err().contains("\tat "), "no stack trace");
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
