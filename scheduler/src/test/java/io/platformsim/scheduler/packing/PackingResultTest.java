package io.platformsim.scheduler.packing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PackingResultTest {

  private static PackingResult sample() {
    // Items 6, 4, 5 in bins 0, 0, 1 of capacity 10; lower bound 2 -> gap 0.
    return new PackingResult("ffd", 2, 2, new int[] {0, 0, 1}, new long[][] {{10}, {5}});
  }

  @Test
  void gapIsAgainstTheLowerBound() {
    PackingResult r =
        new PackingResult(
            "x", 5, 4, new int[] {0, 1, 2, 3, 4}, new long[][] {{1}, {1}, {1}, {1}, {1}});
    assertEquals(1, r.gap());
    assertEquals(0.25, r.relativeGap(), 1e-12); // (5 - 4) / 4
    assertEquals(0.0, new PackingResult("x", 0, 0, new int[0], new long[0][]).relativeGap());
  }

  @Test
  void isImmutable() {
    int[] assignment = {0, 0, 1};
    long[][] loads = {{10}, {5}};
    PackingResult r = new PackingResult("ffd", 2, 2, assignment, loads);
    assignment[0] = 1;
    loads[0][0] = 99;
    r.assignment()[1] = 1;
    r.binLoads()[1][0] = 99;
    assertArrayEquals(new int[] {0, 0, 1}, r.assignment());
    assertArrayEquals(new long[] {10}, r.binLoad(0));
    assertArrayEquals(new long[] {5}, r.binLoad(1));
    assertEquals(sample(), r);
    assertEquals(sample().hashCode(), r.hashCode());
    assertNotEquals(
        sample(), new PackingResult("bfd", 2, 2, new int[] {0, 0, 1}, new long[][] {{10}, {5}}));
  }

  @Test
  void toStringIsOneReadableLine() {
    assertEquals(
        "PackingResult[ffd: items=3, bins=2, lowerBound=2, gap=0 (0.00%), loads=[[10], [5]]]",
        sample().toString());
    long[][] loads = new long[10][];
    int[] assignment = new int[10];
    for (int b = 0; b < 10; b++) {
      loads[b] = new long[] {b + 1};
      assignment[b] = b;
    }
    String s = new PackingResult("nf", 10, 8, assignment, loads).toString();
    assertTrue(s.contains("gap=2 (25.00%)") && s.endsWith("[8], ... 2 more]]"), s);
  }

  @Test
  void rejectsInconsistentComponents() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new PackingResult("x", 2, 1, new int[] {0, 2}, new long[][] {{1}, {1}}));
    assertTrue(e.getMessage().contains("assignment[1]"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new PackingResult("x", 1, 2, new int[] {0}, new long[][] {{1}}));
    assertTrue(e.getMessage().contains("lowerBound"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new PackingResult("x", 2, 1, new int[] {0}, new long[][] {{1}}));
    assertTrue(e.getMessage().contains("bins"), e.getMessage());
  }

  @Test
  void instanceValidationNamesItemDimensionAndValue() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> PackingInstance.oneDimensional(10, 3, 11));
    assertEquals("item 1 size[0]: 11 is larger than the bin capacity 10", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PackingInstance.of(new long[] {10, 5}, new long[][] {{1, -2}}));
    assertEquals("item 0 size[1]: must not be negative, got -2", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PackingInstance.of(new long[] {10, 0}, new long[][] {}));
    assertEquals("capacity[1]: must be positive, got 0", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PackingInstance.of(new long[] {10, 10}, new long[][] {{1}}));
    assertTrue(e.getMessage().startsWith("item 0: expected 2 sizes"), e.getMessage());
  }

  @Test
  void instanceAccessorsCopy() {
    PackingInstance in = PackingInstance.of(new long[] {10, 20}, new long[][] {{1, 2}, {3, 4}});
    in.capacity()[0] = 0;
    in.item(1)[0] = 0;
    assertEquals(10, in.capacity(0));
    assertEquals(3, in.size(1, 0));
    assertEquals(2, in.itemCount());
    assertEquals(2, in.dimensions());
    assertEquals("PackingInstance[demo, items=2, capacity=[10, 20]]", in.named("demo").toString());
    // The flat row-major factory describes the same instance.
    assertEquals(in, PackingInstance.ofFlat(new long[] {10, 20}, new long[] {1, 2, 3, 4}));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PackingInstance.ofFlat(new long[] {10, 20}, new long[] {1, 2, 3}));
    assertTrue(e.getMessage().startsWith("flatSizes: length 3"), e.getMessage());
  }
}
