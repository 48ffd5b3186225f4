package io.platformsim.scheduler.cluster;

/** Taint effects (core/v1 TaintEffect). */
public enum TaintEffect {
  /** Hard: filter rejects pods that do not tolerate it. */
  NO_SCHEDULE("NoSchedule"),
  /** Soft: lowers the TaintToleration score. */
  PREFER_NO_SCHEDULE("PreferNoSchedule"),
  /** Hard for scheduling (eviction of running pods is not modelled here). */
  NO_EXECUTE("NoExecute");

  private final String upstreamName;

  TaintEffect(String upstreamName) {
    this.upstreamName = upstreamName;
  }

  /** The upstream spelling, e.g. {@code NoSchedule}. */
  public String upstreamName() {
    return upstreamName;
  }
}
