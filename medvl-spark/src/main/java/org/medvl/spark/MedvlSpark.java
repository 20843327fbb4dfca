package org.medvl.spark;

import java.io.PrintWriter;
import org.medvl.core.MedvlException;
import org.medvl.spark.bench.BenchCommand;
import org.medvl.spark.cli.EmbedCommand;
import org.medvl.spark.cli.LabelCommand;
import org.medvl.spark.cli.MetricsCommand;
import org.medvl.spark.cli.ReportCommand;
import org.medvl.spark.cli.VqaCommand;
import org.medvl.spark.cli.ZeroShotCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The medvl-spark entry point, for spark-submit and for local runs (bin/medvl-spark). */
@Command(name = "medvl-spark", mixinStandardHelpOptions = true, version = "medvl-spark 0.1.0",
        description = "medvl jobs on Apache Spark: batch prediction, embedding, labeling and corpus metrics.",
        subcommands = {EmbedCommand.class, ZeroShotCommand.class, ReportCommand.class, VqaCommand.class,
            LabelCommand.class, MetricsCommand.class, BenchCommand.class})
public final class MedvlSpark implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line; the exit code: 0 done, 1 failed, 2 usage error. */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new MedvlSpark());
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("medvl-spark: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("medvl-spark: error: " + describe(ex));
            if (parseResult.originalArgs().contains("--verbose")) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return cl.execute(args);
    }

    /**
     * One line for an error: a failure inside a Spark task arrives wrapped (SparkException, then the task's own);
     * the first medvl or argument error in the cause chain is what the user can act on.
     */
    static String describe(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof MedvlException || t instanceof IllegalArgumentException) {
                return t.getMessage();
            }
        }
        String msg = ex.getMessage();
        if (msg != null && msg.contains("\n")) {
            msg = msg.substring(0, msg.indexOf('\n'));
        }
        return ex.getClass().getSimpleName() + (msg == null ? "" : ": " + msg) + " (run with --verbose for details)";
    }
}
