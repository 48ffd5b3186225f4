package io.platformsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Censored and absent observations through {@link Estimate} and {@link Replications#observe}. */
class CensoringTest {

  /** t(0.975, 2 df) from any Student-t table. */
  private static final double T_2 = 4.302653;

  @Test
  void aCensoredValueCountsAsItsLowerBoundAndAnAbsentOneNotAtAll() {
    Estimate e =
        Estimate.of(
            "recovery",
            List.of(
                Observation.observed(10),
                Observation.censored(30),
                Observation.absent(),
                Observation.observed(20)));
    // Values 10, 30 (a bound), 20: mean 20; s² = (100 + 100 + 0) / 2 = 100, s = 10;
    // half-width = t(0.975, 2)·10/√3 = 24.8414.
    assertEquals(3, e.n());
    assertEquals(1, e.censored());
    assertEquals(1, e.absent());
    assertEquals(2, e.observed());
    assertEquals(20.0, e.mean(), 1e-12);
    assertEquals(10.0, e.stdDev(), 1e-12);
    assertEquals(T_2 * 10 / Math.sqrt(3), e.halfWidth(), 1e-5);
    assertTrue(e.toString().contains("≥ 20"), e.toString());
  }

  @Test
  void observationsRejectWhatCannotBeAValueOrABound() {
    assertThrows(IllegalArgumentException.class, () -> Observation.censored(Double.NaN));
    assertThrows(
        IllegalArgumentException.class, () -> Observation.observed(Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> new Observation(Observation.Kind.ABSENT, 1));
    assertFalse(Observation.absent().present());
    assertThrows(
        IllegalArgumentException.class,
        () -> Estimate.of("x", List.of(Observation.absent(), Observation.absent())));
  }

  @Test
  void replicationsMayReportDifferentFiguresWithoutFailing() {
    // "deploy" only in odd replications (an instance deployed), "recovery" censored in replication
    // 2: the figure set differs, which the plain ReplicationModel path rejects.
    ReplicationResult r =
        Replications.observe(
            5,
            4,
            2,
            streams -> {
              int i = streams.replication();
              Map<String, Observation> m = new LinkedHashMap<>();
              m.put(
                  "recovery",
                  i == 2 ? Observation.censored(100) : Observation.observed(10.0 * (i + 1)));
              if (i % 2 == 1) {
                m.put("deploy", Observation.observed(i));
              }
              return m;
            });
    assertEquals(
        List.of("recovery", "deploy"), r.estimates().stream().map(Estimate::name).toList());
    Estimate deploy = r.estimate("deploy");
    assertEquals(2, deploy.n());
    assertEquals(2, deploy.absent());
    assertEquals(2.0, deploy.mean(), 1e-12); // (1 + 3) / 2
    Estimate recovery = r.estimate("recovery");
    // 10, 20, ≥100, 40: mean of values and bound = 170 / 4 = 42.5, a lower bound.
    assertEquals(1, recovery.censored());
    assertEquals(42.5, recovery.mean(), 1e-12);
    assertEquals(Observation.absent(), r.observations().get(0).get("deploy"));
    assertEquals(Observation.censored(100), r.observations().get(2).get("recovery"));
    assertFalse(r.replications().get(0).containsKey("deploy"));
    assertTrue(r.toTable(1).contains("≥ 42.5"), r.toTable(1));
  }

  @Test
  void relativeHalfWidthHandlesAZeroMean() {
    assertEquals(0.0, new Estimate("x", 3, 0, 0, 0).relativeHalfWidth());
    assertEquals(Double.POSITIVE_INFINITY, new Estimate("x", 3, 0, 1, 1).relativeHalfWidth());
    assertTrue(Double.isNaN(new Estimate("x", 1, 5, 0, Double.NaN).relativeHalfWidth()));
    assertEquals(0.1, new Estimate("x", 3, -10, 1, 1).relativeHalfWidth(), 1e-12);
  }
}
