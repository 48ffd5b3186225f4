package io.platformsim.scheduler.pod;

import io.platformsim.scheduler.cluster.Taint;
import io.platformsim.scheduler.cluster.TaintEffect;

/**
 * A toleration. {@code key == null} with {@code exists} tolerates every taint; {@code effect ==
 * null} matches every effect. Matching follows core/v1 {@code Toleration.ToleratesTaint}
 * (k8s.io/api core/v1/toleration.go).
 */
public record Toleration(String key, boolean exists, String value, TaintEffect effect) {
  /** Validates: Equal needs a key (upstream validation); Exists has no value. */
  public Toleration {
    if (!exists && (key == null || key.isEmpty())) {
      throw new IllegalArgumentException("toleration.key is required with operator Equal");
    }
    if (exists && value != null && !value.isEmpty()) {
      throw new IllegalArgumentException(
          "toleration.value must be empty with operator Exists, got '" + value + "'");
    }
    if (value == null) {
      value = "";
    }
  }

  /** {@code key=value:effect} (operator Equal). */
  public static Toleration equal(String key, String value, TaintEffect effect) {
    return new Toleration(key, false, value, effect);
  }

  /** {@code key:effect} (operator Exists); {@code key == null} tolerates everything. */
  public static Toleration exists(String key, TaintEffect effect) {
    return new Toleration(key, true, "", effect);
  }

  /** Whether this toleration tolerates {@code taint}. */
  public boolean tolerates(Taint taint) {
    if (effect != null && effect != taint.effect()) {
      return false;
    }
    if (key != null && !key.isEmpty() && !key.equals(taint.key())) {
      return false;
    }
    return exists || value.equals(taint.value());
  }
}
