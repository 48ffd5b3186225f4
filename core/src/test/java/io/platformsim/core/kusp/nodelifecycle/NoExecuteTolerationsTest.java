package io.platformsim.core.kusp.nodelifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** NoExecuteTolerations against upstream's tables. */
class NoExecuteTolerationsTest {

  /** "key:EFFECT:seconds", key "*" = every key, effect or seconds "-" = unset; space separated. */
  private static List<Toleration> parse(String text) {
    List<Toleration> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String t : text.split(" ")) {
      String[] p = t.split(":");
      String key =
          p[0].equals("*")
              ? ""
              : p[0].replace("NR", Toleration.NOT_READY).replace("UR", Toleration.UNREACHABLE);
      Toleration.Effect effect = p[1].equals("-") ? null : Toleration.Effect.valueOf(p[1]);
      Long seconds = p[2].equals("-") ? null : Long.valueOf(p[2]);
      out.add(new Toleration(key, effect, seconds));
    }
    return out;
  }

  /**
   * k/k plugin/pkg/admission/defaulttolerationseconds/admission_test.go TestForgivenessAdmission
   * (NR = node.kubernetes.io/not-ready, UR = node.kubernetes.io/unreachable). The "alpha" rows
   * (deprecated pre-GA taint keys) are left out: the model has no such keys; they behave as the
   * "foo" row (unrelated keys, both defaults added).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "pod has no tolerations; ; NR:NO_EXECUTE:300 UR:NO_EXECUTE:300",
        "pod has tolerations, but none is for not-ready or unreachable NoExecute; foo:NO_SCHEDULE:700; "
            + "foo:NO_SCHEDULE:700 NR:NO_EXECUTE:300 UR:NO_EXECUTE:300",
        "pod specified a toleration for not-ready:NoExecute; NR:NO_EXECUTE:700; NR:NO_EXECUTE:700 UR:NO_EXECUTE:300",
        "pod specified a toleration for unreachable:NoExecute; UR:NO_EXECUTE:700; UR:NO_EXECUTE:700 NR:NO_EXECUTE:300",
        "pod specified tolerations for both, expect no change; NR:NO_EXECUTE:700 UR:NO_EXECUTE:700; NR:NO_EXECUTE:700 UR:NO_EXECUTE:700",
        "pod specified toleration for taint unreachable (any effect); UR:-:700; UR:-:700 NR:NO_EXECUTE:300",
        "pod has wildcard toleration for all kind of taints, expect no change; *:-:700; *:-:700"
      })
  void admit(String name, String requested, String expected) {
    assertEquals(parse(expected), NoExecuteTolerations.admit(parse(requested)));
  }

  /**
   * k/k pkg/controller/tainteviction/taint_eviction_test.go TestGetMinTolerationTime, the
   * tolerations all matching the taint (expected -1 = never, else ms).
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "; 0",
        "NR:NO_EXECUTE:-; -1",
        "NR:NO_EXECUTE:1 NR:NO_EXECUTE:2; 1000",
        "NR:NO_EXECUTE:1 NR:NO_EXECUTE:-; 1000",
        "NR:NO_EXECUTE:- NR:NO_EXECUTE:1; 1000"
      })
  void minTolerationTime(String tolerations, long expectedMillis) {
    assertEquals(
        expectedMillis,
        NoExecuteTolerations.evictionDelayMillis(parse(tolerations), Toleration.NOT_READY));
  }

  /**
   * Tolerations that do not match the taint do not count (GetMatchingTolerations): a pod with only
   * a not-ready toleration goes at once from an unreachable node; an admitted pod gets 300 s.
   */
  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @CsvSource(
      delimiter = ';',
      value = {"NR:NO_EXECUTE:700; UR; 0", "NR:NO_SCHEDULE:700; NR; 0", "*:-:700; UR; 700000"})
  void onlyMatchingTolerationsCount(String tolerations, String taint, long expectedMillis) {
    String key = taint.equals("NR") ? Toleration.NOT_READY : Toleration.UNREACHABLE;
    assertEquals(expectedMillis, NoExecuteTolerations.evictionDelayMillis(parse(tolerations), key));
  }

  /**
   * A pod admitted with no tolerations of its own leaves an unreachable node 300 s after the taint.
   */
  @org.junit.jupiter.api.Test
  void admittedPodLeavesAnUnreachableNodeAfterFiveMinutes() {
    assertEquals(
        300_000,
        NoExecuteTolerations.evictionDelayMillis(
            NoExecuteTolerations.admit(List.of()), Toleration.UNREACHABLE));
  }
}
