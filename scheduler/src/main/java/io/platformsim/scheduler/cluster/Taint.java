package io.platformsim.scheduler.cluster;

/** A node taint {@code key=value:effect}; {@code value} may be empty. */
public record Taint(String key, String value, TaintEffect effect) {
  /** Validates the fields. */
  public Taint {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("taint.key is blank");
    }
    if (effect == null) {
      throw new IllegalArgumentException("taint.effect is null for key '" + key + "'");
    }
    if (value == null) {
      value = "";
    }
  }

  /** Whether the effect is one the filter enforces (NoSchedule, NoExecute). */
  public boolean isHard() {
    return effect != TaintEffect.PREFER_NO_SCHEDULE;
  }

  @Override
  public String toString() {
    return key + (value.isEmpty() ? "" : "=" + value) + ":" + effect.upstreamName();
  }
}
