package org.medvl.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a medvl command line in-process and captures what it prints (shared by the CLI tests). */
public record CommandRun(int code, String out, String err) {
    public static CommandRun of(String... args) {
        System.setProperty("medvl.quiet", "true"); // no progress lines in test logs
        CommandLine cl = Medvl.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }
}
