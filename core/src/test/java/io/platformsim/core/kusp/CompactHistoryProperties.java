package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The compact history stores (LongColumn, StartupLog, CountsLog) give back exactly what was
 * appended: the model is a plain list of the same values or records. A Pod's times, kept as int
 * offsets from its creation, read back exactly as set.
 */
class CompactHistoryProperties {

  @Provide
  Arbitrary<List<Long>> mixedLongs() {
    // mostly char-sized values, some int-sized (negative ones too), a few beyond int range, so a
    // column goes through each of its three forms
    Arbitrary<Long> tiny = Arbitraries.longs().between(0, Character.MAX_VALUE);
    Arbitrary<Long> small = Arbitraries.longs().between(Integer.MIN_VALUE, Integer.MAX_VALUE);
    Arbitrary<Long> any = Arbitraries.longs();
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(30, tiny),
            net.jqwik.api.Tuple.of(3, small),
            net.jqwik.api.Tuple.of(1, any))
        .list()
        .ofMaxSize(300);
  }

  @Property(tries = 200)
  void longColumnReturnsWhatWasAppended(@ForAll("mixedLongs") List<Long> values) {
    LongColumn c = new LongColumn(1);
    for (long v : values) {
      c.add(v);
    }
    assertEquals(values.size(), c.size());
    long[] expected = values.stream().mapToLong(Long::longValue).toArray();
    assertArrayEquals(expected, c.toArray());
    for (int i = 0; i < values.size(); i++) {
      assertEquals(expected[i], c.get(i));
    }
  }

  @Property(tries = 100)
  void longColumnSetReplacesOneValue(
      @ForAll("mixedLongs") List<Long> values,
      @ForAll long replacement,
      @ForAll @IntRange(min = 0, max = 299) int at) {
    if (values.isEmpty()) {
      return;
    }
    int i = at % values.size();
    LongColumn c = new LongColumn(4);
    values.forEach(c::add);
    c.set(i, replacement);
    List<Long> model = new ArrayList<>(values);
    model.set(i, replacement);
    assertArrayEquals(model.stream().mapToLong(Long::longValue).toArray(), c.toArray());
  }

  /** Names pods as a ReplicaSet does: web-r3-<n>. */
  private static final StartupLog.PodNames WEB_R3 = ordinal -> "web-r3-" + ordinal;

  @Property(tries = 100)
  void startupLogReturnsTheRecordsAppended(
      @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 5) Integer> kinds,
      @ForAll("mixedLongs") List<Long> durations) {
    StartupLog log = new StartupLog();
    List<PodStartup> model = new ArrayList<>();
    for (int i = 0; i < kinds.size(); i++) {
      long d = durations.isEmpty() ? i : durations.get(i % durations.size());
      int ordinal = i + 1;
      String pod;
      StartupLog.PodNames namer;
      int given;
      switch (kinds.get(i)) {
        case 0 -> {
          pod = "web-r3-" + ordinal;
          namer = WEB_R3;
          given = ordinal;
        } // rebuilt from the namer
        case 1 -> {
          pod = "web-r3-" + ordinal;
          namer = WEB_R3;
          given = ordinal + 1;
        } // wrong ordinal: kept as is
        case 2 -> {
          pod = "kube-proxy-node-" + ordinal;
          namer = null;
          given = -1;
        } // no namer
        case 3 -> {
          pod = "other-" + ordinal;
          namer = WEB_R3;
          given = ordinal;
        } // namer does not produce it
        default -> {
          pod = "web-r3-" + ordinal;
          namer = WEB_R3;
          given = 0;
        } // ordinal 0 is never a namer's
      }
      PodStartup expected = new PodStartup(pod, d, -d, d / 3, 7);
      model.add(expected);
      log.add(
          pod,
          namer,
          given,
          expected.scheduling(),
          expected.pull(),
          expected.start(),
          expected.readiness());
    }
    assertEquals(model, log.snapshot());
    assertEquals(model.size(), log.size());
    assertArrayEquals(
        model.stream().mapToLong(PodStartup::scheduling).toArray(), log.schedulingMillis());
    assertArrayEquals(model.stream().mapToLong(PodStartup::pull).toArray(), log.pullMillis());
    assertArrayEquals(model.stream().mapToLong(PodStartup::start).toArray(), log.startMillis());
    assertArrayEquals(
        model.stream().mapToLong(PodStartup::readiness).toArray(), log.readinessMillis());
  }

  @Test
  void startupSnapshotIgnoresLaterAppendsAndIsImmutable() {
    StartupLog log = new StartupLog();
    log.add("web-r3-1", WEB_R3, 1, 1, 2, 3, 4);
    List<PodStartup> snapshot = log.snapshot();
    log.add("web-r3-2", WEB_R3, 2, 5, 6, 7, 8);
    assertEquals(List.of(new PodStartup("web-r3-1", 1, 2, 3, 4)), snapshot);
    assertThrows(
        UnsupportedOperationException.class, () -> snapshot.add(new PodStartup("x", 0, 0, 0, 0)));
    assertThrows(IndexOutOfBoundsException.class, () -> snapshot.get(1));
  }

  @Property(tries = 200)
  void countsLogDecodesEverySample(
      @ForAll @Size(max = 150) List<@IntRange(min = 0, max = 3) Integer> timeSteps,
      @ForAll("counts") List<int[]> vectors) {
    int width = 5;
    CountsLog log = new CountsLog(width);
    List<Long> times = new ArrayList<>();
    List<int[]> model = new ArrayList<>();
    long t = 0;
    for (int i = 0; i < timeSteps.size() && !vectors.isEmpty(); i++) {
      t += timeSteps.get(i); // a step of 0 replaces the last sample
      int[] v = vectors.get(i % vectors.size());
      log.add(t, Arrays.copyOf(v, 2), Arrays.copyOfRange(v, 2, width));
      if (!times.isEmpty() && times.get(times.size() - 1) == t) {
        model.set(model.size() - 1, v.clone());
      } else {
        times.add(t);
        model.add(v.clone());
      }
    }
    assertEquals(model.size(), log.size());
    List<int[]> decoded = new ArrayList<>();
    List<Long> decodedTimes = new ArrayList<>();
    log.forEach(
        (i, time, counts) -> {
          assertEquals(decoded.size(), i);
          decoded.add(counts.clone());
          decodedTimes.add(time);
        });
    assertEquals(times, decodedTimes);
    for (int i = 0; i < model.size(); i++) {
      assertArrayEquals(model.get(i), decoded.get(i), "sample " + i);
      assertEquals(times.get(i), log.time(i));
    }
  }

  @Provide
  Arbitrary<List<int[]>> counts() {
    // small moves (one byte) and jumps of any size (escapes), including the int extremes
    Arbitrary<Integer> value =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 300)),
            net.jqwik.api.Tuple.of(2, Arbitraries.integers()),
            net.jqwik.api.Tuple.of(1, Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE)));
    return value.array(int[].class).ofSize(5).list().ofMinSize(1).ofMaxSize(40);
  }

  @Test
  void countsLogRejectsAWrongWidthAndTimeGoingBack() {
    CountsLog log = new CountsLog(3);
    assertThrows(IllegalArgumentException.class, () -> log.add(0, new int[2], new int[2]));
    log.add(5, new int[] {1}, new int[] {2, 3});
    assertThrows(IllegalArgumentException.class, () -> log.add(4, new int[] {1}, new int[] {2, 3}));
    assertThrows(IllegalArgumentException.class, () -> new CountsLog(0));
  }

  @Provide
  Arbitrary<Long> podTime() {
    // -1 (unset), times near the creation (an int offset), and times anywhere (wide)
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.just(-1L)),
        net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(0, 40L * 24 * 3600 * 1000)),
        net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, Long.MAX_VALUE)));
  }

  @Provide
  Arbitrary<List<Long>> podTimes() {
    return podTime().list().ofMaxSize(6);
  }

  @Property(tries = 300)
  void podTimesReadBackAsSet(
      @ForAll("podTime") long createdAt,
      @ForAll("podTime") long scheduled,
      @ForAll("podTime") long ready,
      @ForAll("podTime") long available,
      @ForAll("podTimes") List<Long> starts) {
    Pod p =
        new Pod(
            1,
            "web-r1-1",
            "web",
            1,
            false,
            io.platformsim.core.workload.ImageDescription.named("web:1"),
            io.platformsim.core.workload.Resources.of(100, 100),
            QosClass.BURSTABLE,
            0,
            false,
            Math.max(0, createdAt));
    p.scheduledAt(scheduled);
    p.readyAt(ready);
    p.availableAt(available);
    List<Long> started = new ArrayList<>();
    for (long t : starts) {
      if (t >= 0) {
        p.recordStart(t);
        started.add(t);
      }
    }
    assertEquals(scheduled, p.scheduledAt());
    assertEquals(ready, p.readyAt());
    assertEquals(available, p.availableAt());
    assertEquals(started, Arrays.stream(p.startTimes()).boxed().toList());
    assertEquals(Math.max(0, createdAt), p.createdAt());
  }
}
