package io.vocstream.producers.sim;

import io.vocstream.producers.sink.EventSink;
import io.vocstream.producers.sink.ProgressReport;
import io.vocstream.producers.sink.ProgressTracker;
import io.vocstream.schemas.EventTopic;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a simulation into a sink, paced per the settings, until its duration or event limit is reached or it is
 * closed. Either in the caller's thread ({@link #run}, {@link #runToCompletion}) or in a daemon thread
 * ({@link #startInBackground}). Closing stops the run, flushes and closes the sink.
 */
public final class SimulationRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulationRunner.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final SimulationSettings settings;
    private final EventSink sink;
    private final ProgressTracker progress;
    private final Pacer pacer;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private volatile Thread runningThread;
    private volatile Throwable failure;
    private volatile Instant simulatedStart;
    private Simulation simulation;
    private boolean limitReached;

    private SimulationRunner(SimulationSettings settings, EventSink sink) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.progress = new ProgressTracker(settings.progressInterval(), settings.progressListener());
        this.pacer = new Pacer(settings, () -> stopRequested);
    }

    /** A runner that has not started; call {@link #runToCompletion()} to run it in the calling thread. */
    public static SimulationRunner create(SimulationSettings settings, EventSink sink) {
        return new SimulationRunner(settings, sink);
    }

    /** Starts the run in a daemon thread and returns at once. */
    public static SimulationRunner startInBackground(SimulationSettings settings, EventSink sink) {
        SimulationRunner runner = new SimulationRunner(settings, sink);
        runner.claimStart();
        Thread thread = new Thread(() -> {
            try {
                runner.loop();
            } catch (RuntimeException | Error e) {
                LOG.error("simulation stopped by an error after {} events", runner.eventsPublished(), e);
            }
        }, "vocstream-simulator");
        thread.setDaemon(true);
        thread.start();
        return runner;
    }

    /** Runs in the calling thread until the settings' limit, then flushes and closes the sink. */
    public static long run(SimulationSettings settings, EventSink sink) {
        try (SimulationRunner runner = create(settings, sink)) {
            runner.runToCompletion();
            return runner.eventsPublished();
        }
    }

    /**
     * Runs in the calling thread until the duration or event limit is reached or {@link #close()} is called from
     * another thread; rethrows what stopped it early.
     */
    public void runToCompletion() {
        claimStart();
        loop();
    }

    public long eventsPublished() {
        return progress.published();
    }

    /** Simulated time of the start (the wall clock for REALTIME); null until the run has started. */
    public Instant simulatedStart() {
        return simulatedStart;
    }

    public ProgressReport progress() {
        return progress.report();
    }

    public boolean isRunning() {
        return started.get() && finished.getCount() > 0;
    }

    /** What stopped the run early, if anything. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** Waits until the run ends; false if it is still running after {@code timeout}. */
    public boolean awaitCompletion(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the run, waits for it to end, flushes and closes the sink. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopRequested = true;
        Thread thread = runningThread;
        if (thread != null && thread != Thread.currentThread()) {
            LockSupport.unpark(thread);
            try {
                if (!finished.await(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("simulation did not stop within {}", CLOSE_TIMEOUT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            sink.flush();
        } finally {
            sink.close();
        }
    }

    private void claimStart() {
        if (closed.get()) {
            throw new IllegalStateException("runner is closed");
        }
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("runner already started");
        }
    }

    private void loop() {
        runningThread = Thread.currentThread();
        try {
            long startMillis = startMillis();
            simulatedStart = Instant.ofEpochMilli(startMillis);
            simulation = new Simulation(settings, startMillis, this::deliver);
            long end = settings.stopAfter() == null ? Long.MAX_VALUE
                    : startMillis + settings.stopAfter().toMillis();
            LOG.info("simulating from {} ({})", simulatedStart, settings);
            while (!stopRequested && !limitReached && simulation.nextTime() < end) {
                simulation.step();
            }
            if (!stopRequested) {
                sink.flush();
            }
            ProgressReport last = progress.report();
            if (settings.progressListener() != null) {
                settings.progressListener().accept(last);
            } else {
                LOG.info("simulation ended: {}", last.summary());
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            runningThread = null;
            finished.countDown();
        }
    }

    private long startMillis() {
        Instant start = settings.start();
        if (settings.pace() == Pace.REALTIME || start == null) {
            return System.currentTimeMillis();
        }
        return start.toEpochMilli();
    }

    private void deliver(EventTopic topic, String key, SpecificRecord event) {
        if (limitReached || stopRequested) {
            return;
        }
        long eventTime = simulation.now();
        if (!pacer.await(eventTime, progress.published())) {
            return;
        }
        sink.publish(topic, key, event);
        progress.published(topic, eventTime);
        if (settings.maxEvents() > 0 && progress.published() >= settings.maxEvents()) {
            limitReached = true;
        }
    }
}
