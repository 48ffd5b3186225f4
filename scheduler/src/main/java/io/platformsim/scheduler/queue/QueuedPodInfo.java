package io.platformsim.scheduler.queue;

/**
 * What the queue knows about one pod (upstream {@code framework.QueuedPodInfo}), as a value.
 *
 * @param pod the caller's handle
 * @param queue where it is
 * @param priority the priority read when it last entered the queue
 * @param timestampMillis when it was added or last put back after a failed attempt
 * @param initialAttemptMillis when it first entered activeQ, or -1 if never
 * @param attempts scheduling attempts so far (incremented by each pop)
 * @param <K> the pod handle type
 */
public record QueuedPodInfo<K>(
    K pod,
    QueueName queue,
    int priority,
    long timestampMillis,
    long initialAttemptMillis,
    int attempts) {
  @Override
  public String toString() {
    return "QueuedPodInfo["
        + pod
        + " in "
        + queue
        + ", priority "
        + priority
        + ", attempts "
        + attempts
        + ", since "
        + timestampMillis
        + " ms]";
  }
}
