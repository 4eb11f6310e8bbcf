package dev.vouch.registry.cli;

import dev.vouch.registry.VouchVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vouch}: the one jar's command line. Exit codes: 0 success, 1 check failed, 2 usage or input error. */
@Command(
        name = "vouch",
        mixinStandardHelpOptions = true,
        versionProvider = VouchCommand.Version.class,
        description = "A curated, signed registry for MCP servers.",
        subcommands = {
            ServeCommand.class,
            PublishCommand.class,
            CurateCommand.class,
            AdminCommand.class,
            ScanCommand.class,
            VerifyCommand.class,
            SnapshotCommand.class,
            MirrorCommand.class,
            ExportCommand.class,
            CheckToolsCommand.class
        })
public final class VouchCommand implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_CHECK_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length > 0 && "serve".equals(args[0])) {
            // A server's start is measured to its first answer: it builds only its own command's model
            // (not every subcommand's) and loads its libraries on the second core meanwhile.
            ServeCommand.prepareInBackground();
            System.exit(handled(new CommandLine(new ServeCommand()).setCommandName("vouch serve"))
                    .execute(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this rather than {@link #main}). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        return handled(new CommandLine(new VouchCommand()));
    }

    private static CommandLine handled(CommandLine cli) {
        cli.setExitCodeExceptionMapper(Failures::exitCode);
        cli.setExecutionExceptionHandler(Failures::handle);
        cli.setParameterExceptionHandler(Failures::usage);
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"vouch " + VouchVersion.current()};
        }
    }
}
