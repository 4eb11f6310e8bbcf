package dev.vouch.registry.cli;

import dev.vouch.store.AuditChain;
import dev.vouch.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code vouch admin audit}: the append-only, hash-chained audit log. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Check the audit log.",
        subcommands = {AuditCommand.Verify.class})
final class AuditCommand {

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description =
                    "Check the hash chain of every audit record; name the first broken one. Exit 0 intact, 1 broken.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Store store = data.openExistingStore(spec.commandLine())) {
                AuditChain.Result result = AuditChain.verify(store);
                if (result.firstBreak().isPresent()) {
                    AuditChain.Break broken = result.firstBreak().get();
                    spec.commandLine()
                            .getErr()
                            .printf("audit chain broken at record %d: %s%n", broken.seq(), broken.reason());
                    return VouchCommand.EXIT_CHECK_FAILED;
                }
                spec.commandLine().getOut().printf("audit chain intact: %d records%n", result.records());
                return VouchCommand.EXIT_OK;
            }
        }
    }
}
