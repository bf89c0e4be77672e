package io.berth.agent.registry.internal;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs tasks over a list, at most {@code width} at a time: {@code width - 1} workers on the executor and one on
 * the calling thread, all taking items from one queue. So a busy (or direct) executor slows the work down but
 * never deadlocks it. The first failure stops the others from starting new items (and flags {@code abandoned}
 * so running transfers stop early); it is rethrown once every worker has stopped.
 */
final class Parallel {
    interface Task<T> {
        void run(T item, AtomicBoolean abandoned) throws Exception;
    }

    private Parallel() {
    }

    static <T> void run(List<T> items, int width, Executor executor, Task<T> task) {
        if (items.isEmpty()) {
            return;
        }
        ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>(items);
        AtomicBoolean abandoned = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int workers = Math.min(width, items.size());
        CountDownLatch done = new CountDownLatch(workers);
        Runnable worker = () -> {
            try {
                T item;
                while (!abandoned.get() && (item = queue.poll()) != null) {
                    try {
                        task.run(item, abandoned);
                    } catch (Throwable t) {
                        if (failure.compareAndSet(null, t)) {
                            abandoned.set(true);
                        }
                    }
                }
            } finally {
                done.countDown();
            }
        };
        for (int i = 1; i < workers; i++) {
            try {
                executor.execute(worker);
            } catch (RejectedExecutionException e) {
                done.countDown(); // the calling thread's worker drains the queue instead
            }
        }
        worker.run();
        awaitUninterruptibly(done, abandoned);
        rethrow(failure.get());
    }

    private static void awaitUninterruptibly(CountDownLatch done, AtomicBoolean abandoned) {
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                abandoned.set(true);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new BerthException(ErrorCategory.UNAVAILABLE, null, "interrupted: the transfer was stopped");
        }
    }

    private static void rethrow(Throwable t) {
        if (t == null) {
            return;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new BerthException(ErrorCategory.INTERNAL, null, "transfer failed: " + t, t);
    }
}
