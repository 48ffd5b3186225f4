package io.platformsim.core.experiment;

import io.platformsim.core.kusp.CrashLoopBackOff;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.yaml.ScalarReader;
import io.platformsim.core.yaml.YamlMapping;
import java.util.List;
import java.util.Optional;

/**
 * Reads the timing part of the {@code kusp} section for {@link KuspReader}: the scheduler's {@code
 * scheduling} (node sampling, per-pod latency) and the {@code controlPlane} (controller latency,
 * node heartbeats and their grace period, the default NoExecute toleration, the termination grace
 * period, the crash-loop back-off). An absent field keeps the {@link KuspConfig.Builder} default,
 * whose upstream source is cited on the builder.
 */
final class KuspControlPlaneReader {

  /** Fields of {@code scheduling}. */
  static final List<String> SCHEDULING = List.of("nodeSampling", "latency");

  /** Fields of {@code controlPlane}. */
  static final List<String> CONTROL_PLANE =
      List.of(
          "controllerLatency",
          "nodeMonitorGracePeriod",
          "nodeStatusUpdate",
          "notReadyToleration",
          "terminationGracePeriod",
          "crashLoopBackOff");

  /** Fields of {@code controlPlane.crashLoopBackOff}. */
  static final List<String> BACK_OFF = List.of("initial", "max", "reset");

  /**
   * percentageOfNodesToScore: {@code adaptive} (upstream 0, the default) or a percentage from 1 to
   * 100, {@code 50%} or, as upstream writes it, {@code 50}; read as the upstream number.
   */
  private static final ScalarReader<Integer> NODE_SAMPLING =
      text -> {
        String t = text.strip();
        if (t.equals("adaptive")) {
          return 0;
        }
        String digits = t.endsWith("%") ? t.substring(0, t.length() - 1).strip() : t;
        if (!digits.isEmpty()
            && digits.length() <= 3
            && digits.chars().allMatch(Character::isDigit)) {
          int v = Integer.parseInt(digits);
          if (v >= 1 && v <= 100) {
            return v;
          }
        }
        throw new IllegalArgumentException(
            "expected 'adaptive' or a percentage from 1% to 100% such as '50%', was '"
                + text
                + "'");
      };

  private KuspControlPlaneReader() {}

  /** Reads {@code scheduling} and {@code controlPlane} of {@code m} into {@code b}. */
  static void read(YamlMapping m, KuspConfig.Builder b) {
    KuspConfig defaults = KuspConfig.builder().build();
    Optional<YamlMapping> scheduling = m.mapping("scheduling");
    if (scheduling.isPresent()) {
      YamlMapping s = scheduling.get();
      s.only(SCHEDULING);
      if (s.has("nodeSampling")) {
        b.percentageOfNodesToScore(s.read("nodeSampling", NODE_SAMPLING, null));
      }
      b.schedulingLatency(
          LespMachineReader.distribution(s, "latency", defaults.schedulingLatency()));
    }
    Optional<YamlMapping> controlPlane = m.mapping("controlPlane");
    if (controlPlane.isPresent()) {
      controlPlane(controlPlane.get(), b, defaults);
    }
  }

  private static void controlPlane(YamlMapping c, KuspConfig.Builder b, KuspConfig defaults) {
    c.only(CONTROL_PLANE);
    b.controllerLatencyMillis(
        c.read("controllerLatency", Units.DURATION, defaults.controllerLatencyMillis()));
    b.nodeMonitorGracePeriodMillis(
        c.read("nodeMonitorGracePeriod", Units.DURATION, defaults.nodeMonitorGracePeriodMillis()));
    long heartbeat = c.read("nodeStatusUpdate", Units.DURATION, defaults.nodeStatusUpdateMillis());
    if (heartbeat <= 0) {
      throw c.error(
          "nodeStatusUpdate", "must be above 0, was '" + c.text("nodeStatusUpdate") + "'");
    }
    b.nodeStatusUpdateMillis(heartbeat);
    // Both API fields are whole seconds: the admission plugin's
    // --default-not-ready-toleration-seconds and the pod's terminationGracePeriodSeconds.
    b.notReadyTolerationMillis(
        wholeSeconds(c, "notReadyToleration", defaults.notReadyTolerationMillis()));
    b.terminationGracePeriodMillis(
        wholeSeconds(c, "terminationGracePeriod", defaults.terminationGracePeriodMillis()));
    Optional<YamlMapping> backOff = c.mapping("crashLoopBackOff");
    if (backOff.isPresent()) {
      b.crashLoopBackOff(crashLoopBackOff(backOff.get(), defaults.crashLoopBackOff()));
    }
  }

  /**
   * {@code {initial, max, reset}}: initial above 0, max at least initial; reset defaults to twice
   * the max, client-go {@code util/flowcontrol/backoff.go}'s rule for forgetting an entry ({@code
   * IsExpired}: not updated for {@code 2 * maxDuration}), 10 min with the default 300 s cap.
   */
  private static CrashLoopBackOff crashLoopBackOff(YamlMapping k, CrashLoopBackOff dflt) {
    k.only(BACK_OFF);
    long initial = k.read("initial", Units.DURATION, dflt.initialMillis());
    if (initial <= 0) {
      throw k.error("initial", "must be above 0, was '" + k.text("initial") + "'");
    }
    long max = k.read("max", Units.DURATION, dflt.maxMillis());
    if (max < initial) {
      throw k.error(
          "max",
          "must be at least the initial back-off of "
              + initial
              + " ms, was '"
              + k.text("max")
              + "'");
    }
    long reset = k.read("reset", Units.DURATION, 2 * max);
    return new CrashLoopBackOff(initial, max, reset);
  }

  private static long wholeSeconds(YamlMapping m, String key, long dflt) {
    long ms = m.read(key, Units.DURATION, dflt);
    if (ms % 1000 != 0) {
      throw m.error(key, "must be whole seconds (the API field is in seconds), was " + m.text(key));
    }
    return ms;
  }
}
