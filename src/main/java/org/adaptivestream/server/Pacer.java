package org.adaptivestream.server;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that pace every session's video: a few workers share one queue of sessions
 * ordered by when each next has something due, so one wake-up serves every session due at
 * that moment instead of one thread per session waking for every packet.
 *
 * <p>A session's {@link Task#step} runs on one worker at a time. Requests (switch, pause, seek)
 * {@link #poke} it to run now; a poke while it runs makes it run again straight after. Writes
 * block, so a client that stops reading holds up the worker writing to it, until the session's
 * write-stall timeout closes it; meanwhile the other workers go on, and {@link #checkStuck}
 * (called periodically) adds a worker when every worker has been inside one step for longer
 * than {@link #STUCK_MILLIS}. Extra workers leave again once idle.
 */
final class Pacer implements AutoCloseable {

    /** What a session does when its time comes. */
    interface Task {
        /** Sends what is due now; returns when (micros, {@link ClientSession#micros} clock) to run next, or {@link #PARK}. */
        long step();
    }

    /** Returned by {@link Task#step} when nothing will be due until a poke. */
    static final long PARK = Long.MAX_VALUE;
    /** A step this early is fine: it lets one wake-up serve sessions due within the next millisecond. */
    static final long EARLY_MICROS = 1_000;
    static final long STUCK_MILLIS = 100;
    static final int MAX_EXTRA_WORKERS = 64;
    private static final long EXTRA_WORKER_IDLE_MILLIS = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(Pacer.class);

    /** One session's place in the pacer. */
    static final class Handle {
        private final Task task;
        private long generation;
        private boolean busy;
        private boolean dirty;
        private boolean cancelled;

        private Handle(Task task) {
            this.task = task;
        }
    }

    private record Entry(long dueMicros, long generation, long order, Handle handle) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int byDue = Long.compare(dueMicros, other.dueMicros);
            return byDue != 0 ? byDue : Long.compare(order, other.order);
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private final List<Worker> workers = new ArrayList<>();
    private final int baseWorkers;
    private long order;
    private volatile boolean closed;

    private final class Worker {
        final Thread thread;
        final boolean extra;
        volatile long stepStartedNanos;

        Worker(int index, boolean extra) {
            this.extra = extra;
            this.thread = StreamingServer.daemon(this::run, "server-pacer-" + index);
        }

        private void run() {
            try {
                while (!closed) {
                    Entry entry = next();
                    if (entry == null) {
                        return;
                    }
                    stepStartedNanos = System.nanoTime();
                    try {
                        execute(entry);
                    } finally {
                        stepStartedNanos = 0;
                    }
                }
            } finally {
                lock.lock();
                try {
                    workers.remove(this);
                } finally {
                    lock.unlock();
                }
            }
        }

        /** The next entry that is due; null when this worker should stop. */
        private Entry next() {
            lock.lock();
            try {
                long idleSince = System.nanoTime();
                while (!closed) {
                    Entry head = queue.peek();
                    long now = ClientSession.micros();
                    if (head != null && head.dueMicros <= now + EARLY_MICROS) {
                        queue.poll();
                        if (!queue.isEmpty()) {
                            changed.signal();
                        }
                        return head;
                    }
                    if (extra && System.nanoTime() - idleSince > TimeUnit.MILLISECONDS.toNanos(EXTRA_WORKER_IDLE_MILLIS)) {
                        return null;
                    }
                    long waitMicros = head == null ? EXTRA_WORKER_IDLE_MILLIS * 1000 : head.dueMicros - now;
                    try {
                        changed.awaitNanos(TimeUnit.MICROSECONDS.toNanos(waitMicros));
                    } catch (InterruptedException e) {
                        return null;
                    }
                }
                return null;
            } finally {
                lock.unlock();
            }
        }
    }

    Pacer(int baseWorkers) {
        if (baseWorkers < 1) {
            throw new IllegalArgumentException("need at least one worker, not " + baseWorkers);
        }
        this.baseWorkers = baseWorkers;
    }

    void start() {
        lock.lock();
        try {
            for (int i = 0; i < baseWorkers; i++) {
                addWorker(false);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Lock held. */
    private void addWorker(boolean extra) {
        Worker worker = new Worker(workers.size(), extra);
        workers.add(worker);
        worker.thread.start();
    }

    /** Registers a task; it first runs when poked. */
    Handle register(Task task) {
        return new Handle(task);
    }

    /** Runs the task as soon as a worker is free (again after its current step, if it is running). */
    void poke(Handle handle) {
        synchronized (handle) {
            if (handle.cancelled) {
                return;
            }
            if (handle.busy) {
                handle.dirty = true;
                return;
            }
            enqueue(handle, ClientSession.micros());
        }
    }

    /** Stops running the task; a step under way finishes. */
    void cancel(Handle handle) {
        synchronized (handle) {
            handle.cancelled = true;
            handle.generation++;
        }
    }

    /** Waits until no step of the task is running, or the deadline passes. */
    void awaitIdle(Handle handle, long deadlineNanos) {
        synchronized (handle) {
            while (handle.busy) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                try {
                    handle.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Handle's monitor held. Older entries of the handle become stale and are skipped. */
    private void enqueue(Handle handle, long dueMicros) {
        handle.generation++;
        lock.lock();
        try {
            Entry entry = new Entry(dueMicros, handle.generation, order++, handle);
            queue.add(entry);
            if (queue.peek() == entry) {
                changed.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private void execute(Entry entry) {
        Handle handle = entry.handle;
        synchronized (handle) {
            if (handle.cancelled || handle.busy || entry.generation != handle.generation) {
                return;
            }
            handle.busy = true;
            handle.dirty = false;
        }
        long next = PARK;
        try {
            next = handle.task.step();
        } catch (RuntimeException e) {
            LOG.error("A session's pacing step failed; it is parked", e);
        } finally {
            synchronized (handle) {
                handle.busy = false;
                if (!handle.cancelled) {
                    long due = handle.dirty ? ClientSession.micros() : next;
                    handle.dirty = false;
                    if (due != PARK) {
                        enqueue(handle, due);
                    }
                }
                handle.notifyAll();
            }
        }
    }

    /** Adds a worker if every worker has been stuck in one step (a blocked write) for a while. */
    void checkStuck() {
        long now = System.nanoTime();
        lock.lock();
        try {
            if (closed || workers.size() >= baseWorkers + MAX_EXTRA_WORKERS) {
                return;
            }
            for (Worker worker : workers) {
                long started = worker.stepStartedNanos;
                if (started == 0 || now - started < TimeUnit.MILLISECONDS.toNanos(STUCK_MILLIS)) {
                    return;
                }
            }
            addWorker(true);
        } finally {
            lock.unlock();
        }
    }

    int workerCount() {
        lock.lock();
        try {
            return workers.size();
        } finally {
            lock.unlock();
        }
    }

    /** Stops every worker; waits for them until the deadline. */
    void close(long deadlineNanos) {
        List<Worker> running;
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
            running = List.copyOf(workers);
        } finally {
            lock.unlock();
        }
        for (Worker worker : running) {
            StreamingServer.join(worker.thread, deadlineNanos);
        }
    }

    @Override
    public void close() {
        close(System.nanoTime() + TimeUnit.SECONDS.toNanos(2));
    }
}
