package io.vocstream.producers;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The producers' command line: {@code simulate} and {@code replay}. */
@Command(name = "vocstream-producers", mixinStandardHelpOptions = true, versionProvider = ProducerCli.Version.class,
        subcommands = {SimulateCommand.class, ReplayCommand.class},
        description = "Feeds vocstream's six input topics (contact-events, agent-events, ivr-events, repair-events, "
                + "complaint-events, survey-responses) with simulated events or with events from JSON Lines files.")
public final class ProducerCli implements Runnable {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (0 done, 1 failed, 2 bad usage). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ProducerCli()).setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine cmd = e.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println(cmd.getColorScheme().errorText(cmd.getCommandName() + ": " + e.getMessage()));
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return cmd.getCommandSpec().exitCodeOnInvalidInput();
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            err.println(cmd.getColorScheme().errorText(cmd.getCommandName() + ": " + e.getMessage()));
            return cmd.getCommandSpec().exitCodeOnExecutionException();
        });
        return commandLine;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command: simulate or replay");
    }

    /** The version in the jar's Maven metadata. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws Exception {
            Properties pom = new Properties();
            try (InputStream in = ProducerCli.class.getResourceAsStream(
                    "/META-INF/maven/io.vocstream/vocstream-producers/pom.properties")) {
                if (in != null) {
                    pom.load(in);
                }
            }
            return new String[] {"vocstream-producers " + pom.getProperty("version", "(development build)")};
        }
    }
}
