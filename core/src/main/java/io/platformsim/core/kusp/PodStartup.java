package io.platformsim.core.kusp;

/**
 * One pod's start-up split into its phases, in milliseconds: creation to bind (scheduling,
 * including queueing), bind to image present (pull, including waiting for serialized pulls), image
 * present to container running (start), running to Ready (readiness).
 *
 * @param pod pod name
 * @param scheduling creation → bound
 * @param pull bound → image on the node
 * @param start image on the node → container running
 * @param readiness running → Ready
 */
public record PodStartup(String pod, long scheduling, long pull, long start, long readiness) {

  /** Creation to Ready. */
  public long total() {
    return scheduling + pull + start + readiness;
  }
}
