package io.vocstream.testing;

import io.vocstream.app.VocstreamCli;
import io.vocstream.config.AppConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code vocstream run} in a child JVM on this JVM's class path, every setting given as {@code -D key=value}, its
 * output appended to a log file; closing it kills it (SIGKILL), as a crash does.
 */
public final class ChildInstance implements AutoCloseable {
    private final Process process;
    private final ApiClient api;
    private final Path log;

    private ChildInstance(Process process, ApiClient api, Path log) {
        this.process = process;
        this.api = api;
        this.log = log;
    }

    static ChildInstance launch(Map<String, String> settings, Path log) {
        // the client compiler and the serial collector: a test instance starts sooner and takes less of the CPU
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), VocstreamCli.class.getName(), "run"));
        settings.forEach((key, value) -> command.addAll(List.of("-D", key + "=" + value)));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new ChildInstance(process, new ApiClient(Integer.parseInt(settings.get(AppConfig.HTTP_PORT))), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    public ApiClient api() {
        return api;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        kill();
    }

    /** Kills the process at once (SIGKILL): no shutdown hook runs, nothing is flushed or committed. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines the process wrote, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
