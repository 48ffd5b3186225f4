package io.platformsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicationsTest {

  @Test
  void confidenceIntervalMatchesAHandCalculation() {
    double[] values = {2, 4, 4, 4, 5, 5, 7, 9};
    ReplicationResult r =
        Replications.run(
            1, values.length, 3, streams -> Map.of("x", values[streams.replication()]));
    Estimate e = r.estimate("x");
    // mean 40/8 = 5; s² = (9+1+1+1+0+0+4+16)/7 = 32/7, s = 2.138090;
    // t(0.975, 7 df) = 2.364624 (any Student-t table); half-width = 2.364624·s/√8 = 1.787488
    assertEquals(5.0, e.mean(), 1e-12);
    assertEquals(2.138090, e.stdDev(), 1e-6);
    assertEquals(1.787488, e.halfWidth(), 1e-5);
    assertEquals(5 - 1.787488, e.lower(), 1e-5);
    assertEquals(8, e.n());
  }

  @Test
  void resultsAreInReplicationOrderAndIdenticalWhateverTheThreadCount() {
    ReplicationModel model =
        streams -> {
          var rng = streams.stream("work");
          double sum = 0;
          for (int i = 0; i < 10_000; i++) {
            sum += rng.nextDouble();
          }
          Map<String, Double> figures = new LinkedHashMap<>();
          figures.put("index", (double) streams.replication());
          figures.put("sum", sum);
          return figures;
        };
    ReplicationResult serial = Replications.run(99, 12, 1, model);
    ReplicationResult parallel = Replications.run(99, 12, 4, model);
    assertEquals(serial.replications(), parallel.replications());
    assertEquals(serial.estimates(), parallel.estimates());
    for (int i = 0; i < 12; i++) {
      assertEquals(i, serial.replications().get(i).get("index"));
    }
    assertEquals(serial.toTable(3), parallel.toTable(3));
  }

  @Test
  void oneReplicationHasNoInterval() {
    Estimate e = Replications.run(1, 1, streams -> Map.of("x", 3.0)).estimate("x");
    assertEquals(3.0, e.mean());
    assertTrue(Double.isNaN(e.halfWidth()));
  }

  @Test
  void badInputAndBadModels() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Replications.run(1, 0, streams -> Map.of("x", 1.0)));
    assertTrue(e.getMessage().contains("replication count") && e.getMessage().contains("0"));
    var missing =
        assertThrows(
            IllegalStateException.class,
            () ->
                Replications.run(
                    1,
                    3,
                    2,
                    streams -> streams.replication() == 1 ? Map.of("y", 1.0) : Map.of("x", 1.0)));
    assertTrue(missing.getMessage().contains("replication 1"), missing.getMessage());
    var nan =
        assertThrows(
            IllegalStateException.class,
            () -> Replications.run(1, 2, 1, streams -> Map.of("x", Double.NaN)));
    assertTrue(nan.getMessage().contains("NaN"));
    var thrown =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Replications.run(
                    1,
                    4,
                    2,
                    streams -> {
                      if (streams.replication() == 2) {
                        throw new IllegalArgumentException("bad parallelism -1");
                      }
                      return Map.of("x", 1.0);
                    }));
    assertTrue(thrown.getMessage().startsWith("replication 2: bad parallelism -1"));
    var unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> Replications.run(1, 2, streams -> Map.of("x", 1.0)).estimate("z"));
    assertTrue(unknown.getMessage().contains("\"z\""));
  }
}
