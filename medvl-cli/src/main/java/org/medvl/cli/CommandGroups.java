package org.medvl.cli;

import java.util.List;

/**
 * The subcommand groups in the order {@code medvl --help} lists them. A group is added here only once it does real
 * work; there are no placeholder commands.
 */
final class CommandGroups {
    private CommandGroups() {
    }

    static List<Object> all() {
        return List.of(
                // groups register here, one line each
        );
    }
}
