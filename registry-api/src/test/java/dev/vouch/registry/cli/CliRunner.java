package dev.vouch.registry.cli;

/** Runs the command line in-process for tests of other packages. */
public final class CliRunner {

    private CliRunner() {}

    /** Exit code, standard output and standard error of one run. */
    public record Run(int exitCode, String out, String err) {}

    public static Run run(String... args) {
        VouchCommandTest.Run run = VouchCommandTest.run(args);
        return new Run(run.exitCode(), run.out(), run.err());
    }
}
