package io.platformsim.scheduler.packing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Sweeps the whole benchmark sets in {@code shared/data} (outside the repository), comparing with
 * the answers published there: {@code bpplib/optima.tsv} (proven optima, L1, L2, FFD/BFD/WFD/NFD
 * from an independent implementation), {@code orlib_falkenauer/reference.tsv} (online counts in
 * arrival order) and {@code vectorpack/instances.tsv} (published lower bounds and optima).
 *
 * <p>The data is looked up in the system property {@code platformsim.data}, then {@code
 * ../shared/data} next to the repository root (from the module directory, {@code
 * ../../shared/data}). Without it every test here is skipped with a message. A summary table of
 * Σ(bins − opt) per group and algorithm is printed and written to {@code target/packing-report.md}.
 */
class SharedDataSweepTest {

  private static final Map<String, String> REPORT = new LinkedHashMap<>();

  static Optional<Path> dataRoot() {
    List<Path> candidates = new ArrayList<>();
    String property = System.getProperty("platformsim.data");
    if (property != null && !property.isBlank()) {
      candidates.add(Path.of(property));
    }
    Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    candidates.add(here.resolve("../../shared/data")); // from the module directory
    candidates.add(here.resolve("../shared/data")); // from the repository root
    return candidates.stream()
        .map(Path::normalize)
        .filter(p -> Files.isRegularFile(p.resolve("bpplib/optima.tsv")))
        .findFirst();
  }

  private static Path requireData() {
    Optional<Path> root = dataRoot();
    Assumptions.assumeTrue(
        root.isPresent(),
        "shared benchmark data not found (set -Dplatformsim.data=/path/to/shared/data or place it"
            + " at ../shared/data beside the repository); skipping the full-set sweep");
    return root.get();
  }

  private static List<String[]> tsv(Path file) throws IOException {
    List<String[]> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        rows.add(line.split("\t"));
      }
    }
    return rows;
  }

  private static PackingInstance readBpp(Path file) {
    return PackingFiles.readBpp(file);
  }

  private static PackingResult pack(String algorithm, PackingInstance in) {
    PackingResult r = PackingAlgorithm.named(algorithm).pack(in);
    PackingAssertions.assertValidPacking(in, r);
    return r;
  }

  @Test
  void bpplibMatchesPublishedBoundsAndHeuristicCounts() throws IOException {
    Path root = requireData().resolve("bpplib");
    String[] algorithms = {"ffd", "bfd", "wfd", "nfd", "mbs", "best"};
    // Per group: Σopt, count, Σ(alg − opt) per algorithm, count of best = opt. Instances are
    // checked in parallel (each is independent and deterministic), then summed in file order.
    List<String[]> rows = tsv(root.resolve("optima.tsv"));
    List<long[]> rowSums =
        rows.parallelStream()
            .map(
                f -> {
                  long[] s = new long[3 + algorithms.length];
                  // set instance file n capacity opt lb_L1 lb_L2 ffd bfd wfd nfd
                  PackingInstance in = readBpp(root.resolve(f[2]));
                  String id = f[1];
                  assertEquals(Integer.parseInt(f[3]), in.itemCount(), id + " n");
                  long opt = Long.parseLong(f[5]);
                  LowerBound lb = LowerBound.of(in);
                  assertEquals(Long.parseLong(f[6]), lb.volume(), id + " L1");
                  assertEquals(Long.parseLong(f[7]), lb.martelloToth(), id + " L2");
                  s[0] += opt;
                  s[1]++;
                  for (int k = 0; k < algorithms.length; k++) {
                    PackingResult r = pack(algorithms[k], in);
                    if (k < 4) {
                      assertEquals(Long.parseLong(f[8 + k]), r.bins(), id + " " + algorithms[k]);
                    }
                    assertTrue(
                        r.bins() >= opt, id + " " + algorithms[k] + " below the proven optimum");
                    s[2 + k] += r.bins() - opt;
                    if (k == 5) {
                      assertTrue(
                          r.bins() <= Math.min(Long.parseLong(f[8]), Long.parseLong(f[9])),
                          id + " best worse than ffd/bfd");
                      s[2 + algorithms.length] += r.bins() == opt ? 1 : 0;
                    }
                  }
                  return s;
                })
            .toList();
    Map<String, long[]> sums = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      long[] s = sums.computeIfAbsent(rows.get(i)[0], k -> new long[3 + algorithms.length]);
      for (int k = 0; k < s.length; k++) {
        s[k] += rowSums.get(i)[k];
      }
    }
    StringBuilder t =
        new StringBuilder(
            "| BPPLIB group | # | Σopt | Σ(ffd−opt) | Σ(bfd−opt) | Σ(wfd−opt) | Σ(nfd−opt) |"
                + " Σ(mbs−opt) | Σ(best−opt) | best = opt |\n|---|---|---|---|---|---|---|---|---|---|\n");
    long[] total = new long[3 + algorithms.length];
    sums.forEach(
        (group, s) -> {
          t.append("| ").append(group);
          t.append(" | ").append(s[1]).append(" | ").append(s[0]);
          for (int k = 0; k < algorithms.length; k++) {
            t.append(" | ").append(s[2 + k]);
          }
          t.append(" | ").append(s[2 + algorithms.length]).append(" |\n");
          for (int k = 0; k < total.length; k++) {
            total[k] += s[k];
          }
        });
    t.append("| **all** | ").append(total[1]).append(" | ").append(total[0]);
    for (int k = 0; k < algorithms.length; k++) {
      t.append(" | ").append(total[2 + k]);
    }
    t.append(" | ").append(total[2 + algorithms.length]).append(" |\n");
    REPORT.put("bpplib", t.toString());
  }

  @Test
  void orLibraryArrivalOrderMatchesTheReference() throws IOException {
    Path root = requireData().resolve("orlib_falkenauer");
    Map<String, PackingInstance> byName = new LinkedHashMap<>();
    for (int k = 1; k <= 4; k++) {
      for (PackingInstance in : PackingFiles.readOrLibrary(root.resolve("binpack" + k + ".txt"))) {
        byName.put(in.name(), in);
      }
    }
    String[] algorithms = {"ff", "bf", "nf", "wf", "ffd", "bfd", "mbs", "best"};
    Map<String, long[]> sums = new LinkedHashMap<>();
    for (String[] f : tsv(root.resolve("reference.tsv"))) {
      // file instance n capacity orlib_header_best_known opt lb_L1 lb_L2 ff_file_order
      // bf_file_order nf_file_order wf_file_order ffd bfd
      PackingInstance in = byName.get(f[1]);
      assertTrue(in != null, "instance " + f[1] + " missing from " + f[0]);
      long opt = Long.parseLong(f[5]);
      LowerBound lb = LowerBound.of(in);
      assertEquals(Long.parseLong(f[6]), lb.volume(), f[1] + " L1");
      assertEquals(Long.parseLong(f[7]), lb.martelloToth(), f[1] + " L2");
      long[] s = sums.computeIfAbsent(f[0], k -> new long[2 + algorithms.length]);
      s[0] += opt;
      s[1]++;
      for (int k = 0; k < algorithms.length; k++) {
        long bins = pack(algorithms[k], in).bins();
        if (k < 6) {
          assertEquals(Long.parseLong(f[8 + k]), bins, f[1] + " " + algorithms[k]);
        }
        assertTrue(bins >= opt, f[1] + " " + algorithms[k] + " below the optimum");
        s[2 + k] += bins - opt;
      }
    }
    StringBuilder t = new StringBuilder("| OR-Library file (arrival order) | # | Σopt |");
    for (String a : algorithms) {
      t.append(" Σ(").append(a).append("−opt) |");
    }
    t.append("\n|---|---|---|").append("---|".repeat(algorithms.length)).append('\n');
    sums.forEach(
        (file, s) -> {
          t.append("| ").append(file).append(" | ").append(s[1]).append(" | ").append(s[0]);
          for (int k = 0; k < algorithms.length; k++) {
            t.append(" | ").append(s[2 + k]);
          }
          t.append(" |\n");
        });
    REPORT.put("orlib", t.toString());
  }

  @Test
  void vectorpackPackingsAreValidAndNeverBelowTheOptimum() throws IOException {
    Path root = requireData().resolve("vectorpack");
    String[] algorithms = {
      "ffd",
      "ffd-max",
      "ffd-l2",
      "ffd-prod",
      "ffd-dot",
      "bfd",
      "bfd-l2",
      "bfd-dot",
      "wfd",
      "mbs",
      "best"
    };
    // Per benchmark: count with known OPT, ΣOPT, Σ(alg − OPT)..., Σ(published best_IC − OPT).
    List<String[]> rows = tsv(root.resolve("instances.tsv"));
    // Per instance: null if rejected, else ΣOPT, count, Σ(alg − OPT)..., published best_IC − OPT
    // (all zero when OPT is unknown). Checked in parallel, summed in file order.
    List<Optional<long[]>> rowSums =
        rows.parallelStream()
            .map(
                f -> {
                  // benchmark instance file d n_items capacity LB OPT best_overall best_IC best_BC
                  // best_MB-Pairing best_MB-WFD L1_bound_computed
                  PackingInstance in;
                  try {
                    in = PackingFiles.readVbp(root.resolve(f[2]));
                  } catch (PackingFileException e) {
                    // Some published Caprara triplet files contain negative sizes (for example
                    // classC_60_3_0.vbp line 27: "15 35 -2 1"); the reader must reject them, naming
                    // the line.
                    assertTrue(
                        f[2].startsWith("triplet/Caprara/") && e.getMessage().contains("negative"),
                        e.getMessage());
                    return Optional.<long[]>empty();
                  }
                  String id = f[0] + "/" + f[1];
                  assertEquals(Integer.parseInt(f[3]), in.dimensions(), id + " d");
                  assertEquals(Integer.parseInt(f[4]), in.itemCount(), id + " n");
                  long publishedLb = Long.parseLong(f[6]);
                  long opt = Long.parseLong(f[7]);
                  LowerBound lb = LowerBound.of(in);
                  assertEquals(Long.parseLong(f[13]), lb.volume(), id + " L1");
                  if (opt > 0) {
                    assertTrue(
                        lb.value() <= opt, id + " our bound " + lb + " above the optimum " + opt);
                  }
                  long[] s = new long[3 + algorithms.length];
                  for (int k = 0; k < algorithms.length; k++) {
                    long bins = pack(algorithms[k], in).bins();
                    assertTrue(
                        bins >= publishedLb, id + " " + algorithms[k] + " below the published LB");
                    if (opt > 0) {
                      assertTrue(bins >= opt, id + " " + algorithms[k] + " below the optimum");
                      s[2 + k] += bins - opt;
                    }
                  }
                  if (opt > 0) {
                    s[0] += opt;
                    s[1]++;
                    s[2 + algorithms.length] += Long.parseLong(f[9]) - opt;
                  }
                  return Optional.of(s);
                })
            .toList();
    Map<String, long[]> sums = new LinkedHashMap<>();
    int rejected = 0;
    for (int i = 0; i < rows.size(); i++) {
      String[] f = rows.get(i);
      if (rowSums.get(i).isEmpty()) {
        rejected++;
        continue;
      }
      long[] r = rowSums.get(i).get();
      if (r[1] > 0) {
        long[] s = sums.computeIfAbsent(f[0] + " d=" + f[3], k -> new long[r.length]);
        for (int k = 0; k < r.length; k++) {
          s[k] += r[k];
        }
      }
    }
    StringBuilder t = new StringBuilder("| vectorpack (OPT known) | # | ΣOPT |");
    for (String a : algorithms) {
      t.append(" ").append(a).append(" |");
    }
    t.append(" published best item-centric |\n|---|---|---|")
        .append("---|".repeat(algorithms.length + 1))
        .append('\n');
    sums.forEach(
        (group, s) -> {
          t.append("| ").append(group).append(" | ").append(s[1]).append(" | ").append(s[0]);
          for (int k = 0; k <= algorithms.length; k++) {
            t.append(" | ").append(s[2 + k]);
          }
          t.append(" |\n");
        });
    REPORT.put(
        "vectorpack",
        t.toString()
            + "\n"
            + rejected
            + " Caprara triplet files were rejected because they contain negative"
            + " sizes.\nCells are Σ(bins − OPT). The last column is the best of the paper's item-centric"
            + " family per instance (FF/FFD/BFD/WFD variants), so it is a per-instance minimum over"
            + " many algorithms, not one algorithm.\n");
  }

  @AfterAll
  static void writeReport() throws IOException {
    if (REPORT.isEmpty()) {
      return;
    }
    StringBuilder out = new StringBuilder("# Offline packing against the published answers\n\n");
    REPORT.values().forEach(t -> out.append(t).append('\n'));
    System.out.println(out);
    Path target = Path.of(System.getProperty("user.dir"), "target");
    Files.createDirectories(target);
    Files.writeString(target.resolve("packing-report.md"), out.toString());
  }
}
