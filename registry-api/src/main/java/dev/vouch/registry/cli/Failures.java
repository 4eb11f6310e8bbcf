package dev.vouch.registry.cli;

import picocli.CommandLine;

/** How a command's failure reaches the user: one line on stderr and exit code 2, never a stack trace. */
final class Failures {

    private Failures() {}

    static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        cli.getErr().println(cli.getCommandSpec().qualifiedName() + ": " + oneLine(e));
        return exitCode(e);
    }

    /** A usage error: the reason and where to look, on one line; no usage dump. */
    static int usage(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr()
                .println(cli.getCommandSpec().qualifiedName() + ": " + oneLine(e) + " (see '"
                        + cli.getCommandSpec().qualifiedName() + " --help')");
        return VouchCommand.EXIT_USAGE;
    }

    static int exitCode(Throwable e) {
        return VouchCommand.EXIT_USAGE;
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return message.replace('\n', ' ');
    }
}
