package io.vocstream.app;

import io.vocstream.bench.BenchmarkCommand;
import io.vocstream.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar vocstream.jar <command>}: {@code demo} runs everything embedded; {@code run} joins a real cluster. */
@Command(name = "vocstream",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Real-time customer-satisfaction and complaint monitor on Kafka Streams.",
        subcommands = {DemoCommand.class, RunCommand.class, BenchmarkCommand.class, CommandLine.HelpCommand.class})
public final class VocstreamCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with vocstream's error handling: a configuration error prints its message, not a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new VocstreamCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                commandLine.getErr().println("configuration error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }
}
