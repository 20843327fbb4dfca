package org.medvl.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code medvl} command: a root with one subcommand group per capability. */
@Command(name = "medvl", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Multimodal AI for medical imaging on the JVM: datasets, DICOM, models, metrics, serving.",
        synopsisSubcommandLabel = "COMMAND", commandListHeading = "%nCommands:%n",
        footer = {"", "Run 'medvl COMMAND --help' for a command's options."})
public final class Medvl implements Runnable {
    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces and debug detail on errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Builds the command line with every group that is implemented (see {@link CommandGroups}). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Medvl());
        for (CommandLine group : CommandGroups.all()) {
            cl.addSubcommand(group);
        }
        ErrorHandling.install(cl);
        return cl;
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static boolean verbose(List<String> args) {
        return args.contains("--verbose");
    }
}
