package dev.roadie.playbook;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs one step's body on a thread of its own, so that its timeout can interrupt it and, if it will
 * not stop, leave it behind while the run goes on. Retries with backoff come from Failsafe.
 */
final class StepExecutor implements AutoCloseable {
  /** The longest wait between retries, however the delay doubles. */
  private static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(5);

  private final Duration grace;
  private final ExecutorService threads;

  StepExecutor(Duration grace) {
    this.grace = grace;
    AtomicInteger count = new AtomicInteger();
    this.threads =
        Executors.newCachedThreadPool(
            task -> {
              // Daemon: a step abandoned after its timeout must not keep the process alive.
              Thread thread = new Thread(task, "roadie-step-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** What happened: the attempts it took, and the failure if the last one failed. */
  /**
   * @param abandoned the thread of an attempt that would not stop, still running; null if none
   */
  record Result(int attempts, Throwable failure, Thread abandoned) {}

  /**
   * @param timeout per attempt
   * @param timeLeft until the run's limit, which cuts an attempt shorter than {@code timeout}
   * @param runLimit the run's limit, to name it when it is the one that was reached
   * @param onRetry told of each failed attempt that will be tried again
   */
  Result execute(
      StepSpec step,
      Object argument,
      TimeLimit timeout,
      Supplier<Duration> timeLeft,
      TimeLimit runLimit,
      Consumer<String> onRetry) {
    AtomicInteger attempts = new AtomicInteger();
    Duration delay = step.retryDelay();
    RetryPolicy<Object> retries =
        RetryPolicy.builder()
            .withMaxRetries(step.retries())
            .withBackoff(delay, max(delay, MAX_RETRY_DELAY), 2.0)
            .abortIf(
                (result, failure) ->
                    isFinal(failure) || timeLeft.get().compareTo(Duration.ZERO) <= 0)
            .onRetry(
                event ->
                    onRetry.accept(
                        "attempt "
                            + event.getAttemptCount()
                            + " failed: "
                            + event.getLastException().getMessage()))
            .build();
    try {
      Failsafe.with(retries)
          .get(
              () -> {
                attempts.incrementAndGet();
                Duration left = timeLeft.get();
                return left.compareTo(timeout.length()) < 0
                    ? attempt(step, argument, left, runLimit)
                    : attempt(step, argument, timeout.length(), timeout);
              });
      return new Result(attempts.get(), null, null);
    } catch (FailsafeException wrapped) {
      Throwable cause = wrapped.getCause() == null ? wrapped : wrapped.getCause();
      return new Result(attempts.get(), cause, abandonedThread(cause));
    } catch (RuntimeException | Error failure) {
      return new Result(attempts.get(), failure, abandonedThread(failure));
    }
  }

  private Object attempt(StepSpec step, Object argument, Duration timeout, TimeLimit limit)
      throws Throwable {
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean began = new AtomicBoolean();
    AtomicReference<Thread> worker = new AtomicReference<>();
    Future<Object> running =
        threads.submit(
            () -> {
              began.set(true);
              worker.set(Thread.currentThread());
              try {
                return argument == null ? step.body().call() : step.body().call(argument);
              } finally {
                stopped.countDown();
              }
            });
    try {
      return running.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      running.cancel(true);
      boolean stoppedInTime = stopped.await(grace.toNanos(), TimeUnit.NANOSECONDS);
      throw new StepTimeoutException(limit, grace, stoppedInTime ? null : worker.get());
    } catch (ExecutionException e) {
      throw e.getCause();
    } catch (InterruptedException e) {
      // The run itself is being stopped: stop the step too, give it the grace period to finish
      // what it is doing (a change half made is worse than one not begun), and say so upwards.
      running.cancel(true);
      if (began.get()) {
        stopped.await(grace.toNanos(), TimeUnit.NANOSECONDS);
      }
      Thread.currentThread().interrupt();
      throw e;
    }
  }

  private static Thread abandonedThread(Throwable failure) {
    return failure instanceof StepTimeoutException timeout ? timeout.abandonedThread() : null;
  }

  private static boolean isFinal(Throwable failure) {
    return failure instanceof InterruptedException
        || failure instanceof StepTimeoutException timeout && timeout.abandoned();
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
