package io.platformsim.scheduler.packing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The benchmark instances copied into {@code src/test/resources/packing} (see SOURCES.md there),
 * with expected values from the published optima and an independent reference implementation:
 * {@code shared/data/bpplib/optima.tsv} and {@code shared/data/orlib_falkenauer/reference.tsv}.
 */
class KnownInstancesTest {

  static Path resource(String name) {
    try {
      return Path.of(KnownInstancesTest.class.getResource("/packing/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource packing/" + name, e);
    }
  }

  private static long bins(String algorithm, PackingInstance in) {
    PackingResult r = PackingAlgorithm.named(algorithm).pack(in);
    PackingAssertions.assertValidPacking(in, r);
    return r.bins();
  }

  /** Columns from bpplib/optima.tsv: opt, lb_L1, lb_L2, ffd, bfd, wfd, nfd. */
  @ParameterizedTest
  @CsvSource({
    "Falkenauer_u120_00.txt, 48, 48, 48, 49, 49, 50, 67",
    "Falkenauer_t60_00.txt,  20, 20, 20, 23, 23, 23, 25",
    "Hard28_BPP14.txt,       62, 61, 61, 62, 62, 63, 86",
    "Schwerin1_BPP1.txt,     18, 18, 18, 19, 19, 19, 19",
  })
  void bpplibInstancesMatchThePublishedAnswers(
      String file, int opt, int l1, int l2, int ffd, int bfd, int wfd, int nfd) {
    PackingInstance in = PackingFiles.readBpp(resource(file));
    LowerBound lb = LowerBound.of(in);
    assertEquals(l1, lb.volume(), "L1");
    assertEquals(l2, lb.martelloToth(), "L2");
    assertEquals(ffd, bins("ffd", in), "ffd");
    assertEquals(bfd, bins("bfd", in), "bfd");
    assertEquals(wfd, bins("wfd", in), "wfd");
    assertEquals(nfd, bins("nfd", in), "nfd");
    // The files are sorted non-increasing, so first fit in file order equals FFD (SOURCES.md).
    assertEquals(ffd, bins("ff", in), "ff in file order");
    long best = bins("best", in);
    assertTrue(best >= opt && best <= Math.min(ffd, bfd), "best " + best);
  }

  /**
   * orlib_falkenauer/reference.tsv for binpack1.txt (u120_00..19): opt, lb_L1, lb_L2,
   * ff_file_order, bf_file_order, nf_file_order, wf_file_order, ffd, bfd.
   */
  private static final int[][] BINPACK1 = {
    {48, 48, 48, 50, 50, 64, 56, 49, 49}, {49, 49, 49, 51, 51, 63, 57, 49, 49},
    {46, 46, 46, 48, 48, 57, 51, 47, 47}, {49, 49, 49, 52, 53, 65, 57, 50, 50},
    {50, 50, 50, 52, 52, 64, 56, 50, 50}, {48, 48, 48, 52, 52, 61, 54, 49, 49},
    {48, 48, 48, 51, 52, 63, 55, 49, 49}, {49, 49, 49, 52, 52, 63, 56, 50, 50},
    {50, 50, 50, 54, 53, 67, 59, 51, 51}, {46, 46, 46, 49, 48, 61, 55, 47, 47},
    {52, 52, 52, 56, 55, 68, 61, 52, 52}, {49, 49, 49, 52, 51, 63, 56, 50, 50},
    {48, 48, 48, 52, 51, 62, 55, 49, 49}, {49, 49, 49, 51, 51, 63, 55, 49, 49},
    {50, 50, 50, 53, 53, 64, 58, 50, 50}, {48, 48, 48, 53, 52, 63, 57, 49, 49},
    {52, 52, 52, 56, 55, 69, 64, 52, 52}, {52, 52, 52, 56, 56, 70, 60, 53, 53},
    {49, 49, 49, 52, 51, 64, 54, 50, 50}, {49, 49, 49, 52, 52, 65, 55, 50, 50},
  };

  @Test
  void orLibraryU120InArrivalOrderMatchesTheReference() {
    List<PackingInstance> problems = PackingFiles.readOrLibrary(resource("binpack1.txt"));
    assertEquals(20, problems.size());
    String[] names = {"ff", "bf", "nf", "wf", "ffd", "bfd"};
    long[] sumOverOpt = new long[names.length + 1];
    for (int p = 0; p < 20; p++) {
      PackingInstance in = problems.get(p);
      int[] expected = BINPACK1[p];
      assertEquals(String.format("u120_%02d", p), in.name());
      LowerBound lb = LowerBound.of(in);
      assertEquals(expected[1], lb.volume(), in.name() + " L1");
      assertEquals(expected[2], lb.martelloToth(), in.name() + " L2");
      for (int k = 0; k < names.length; k++) {
        long got = bins(names[k], in);
        assertEquals(expected[3 + k], got, in.name() + " " + names[k]);
        sumOverOpt[k] += got - expected[0];
      }
      long best = bins("best", in);
      assertTrue(best >= expected[0], in.name() + " best " + best + " below the optimum");
      sumOverOpt[names.length] += best - expected[0];
    }
    // Σ(heuristic − opt) over binpack1 from shared/data/orlib_falkenauer/SOURCES: FF 63, BF 57,
    // NF 298, WF 150, FFD 14.
    assertEquals(63, sumOverOpt[0]);
    assertEquals(57, sumOverOpt[1]);
    assertEquals(298, sumOverOpt[2]);
    assertEquals(150, sumOverOpt[3]);
    assertEquals(14, sumOverOpt[4]);
    assertTrue(sumOverOpt[6] <= 14, "best never worse than FFD");
    System.out.printf(
        "binpack1 (u120) Σ(bins - opt): ff %d, bf %d, nf %d, wf %d, ffd %d, bfd %d," + " best %d%n",
        sumOverOpt[0],
        sumOverOpt[1],
        sumOverOpt[2],
        sumOverOpt[3],
        sumOverOpt[4],
        sumOverOpt[5],
        sumOverOpt[6]);
  }

  @Test
  void orLibraryAndBpplibHoldTheSameItems() {
    // SOURCES.md: each OR-Library instance has the same item multiset as the BPPLIB file.
    PackingInstance orlib = PackingFiles.readOrLibrary(resource("binpack1.txt")).get(0);
    PackingInstance bpplib = PackingFiles.readBpp(resource("Falkenauer_u120_00.txt"));
    assertArrayEquals(sortedSizes(bpplib), sortedSizes(orlib));
  }

  private static long[] sortedSizes(PackingInstance in) {
    long[] s = new long[in.itemCount()];
    for (int i = 0; i < s.length; i++) {
      s[i] = in.size(i, 0);
    }
    Arrays.sort(s);
    return s;
  }

  /** vectorpack/instances.tsv: LB, OPT and L1_bound_computed. */
  @ParameterizedTest
  @CsvSource({
    "class1_20_3_0.vbp, 3, 20, 6, 6, 6",
    "classF_60_3_0.vbp, 3, 60, 20, 20, 20",
  })
  void vectorInstancesPackValidlyAndNeverBelowTheOptimum(
      String file, int d, int n, int lb, int opt, int l1) {
    PackingInstance in = PackingFiles.readVbp(resource("vectorpack/" + file));
    assertEquals(d, in.dimensions());
    assertEquals(n, in.itemCount());
    assertEquals(l1, LowerBound.of(in).volume());
    assertTrue(LowerBound.of(in).value() <= lb, "our bound is at most the published LB");
    for (String name : PackingAlgorithm.names()) {
      long bins = bins(name, in);
      assertTrue(bins >= opt, name + " used " + bins + " < optimum " + opt);
    }
  }
}
