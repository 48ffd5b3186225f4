package io.platformsim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.scheduler.packing.PackingFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackCommandTest {

  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  /** Capacity 10, items 2 5 4 7 1 3 8 (sum 30), in BPPLIB format with CRLF and leading spaces. */
  private Path handInstance() throws IOException {
    return file("hand.txt", "7\r\n10\r\n 2\r\n 5\r\n 4\r\n 7\r\n 1\r\n 3\r\n 8\r\n");
  }

  @Test
  void packsABppFileWithFirstFitDecreasing() throws IOException {
    Invocation run =
        Invocation.platformsim("pack", "--algorithm", "ffd", "--bins", handInstance().toString());
    assertEquals(0, run.exitCode(), run.err());
    // FFD by hand: 8 7 5 4 3 2 1 -> {8,2}, {7,3}, {5,4,1}: three full bins; L1 = 30/10 = 3.
    assertEquals("7", run.row("items"));
    assertEquals("ffd", run.row("algorithm"));
    assertEquals("3", run.row("bins"));
    assertTrue(run.row("lower bound").startsWith("3 "), run.out());
    assertEquals("0 (0.00%), optimal", run.row("gap"));
    assertEquals("size 100.0%", run.row("average fill"));
    // Items are numbered from 1 in file order: 8 is item 7, 2 is item 1.
    assertTrue(run.out().contains("bin 0: size=10 (100.0%) items: 1 7\n"), run.out());
    assertTrue(run.out().contains("bin 2: size=10 (100.0%) items: 2 3 5\n"), run.out());
  }

  @Test
  void defaultAlgorithmIsBest() throws IOException {
    Invocation run = Invocation.platformsim("pack", handInstance().toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.row("algorithm").startsWith("best("), run.out());
    assertEquals("3", run.row("bins"));
  }

  @Test
  void jsonHasTheRequiredMembers() throws IOException {
    Invocation run =
        Invocation.platformsim("pack", "--json", "-a", "bfd", handInstance().toString());
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(1, run.out().trim().split("\n").length, "one line");
    assertTrue(run.out().startsWith("{") && run.out().trim().endsWith("}"), run.out());
    assertEquals("7", run.member("items"));
    assertEquals("3", run.member("bins"));
    assertEquals("3", run.member("lowerBound"));
    assertEquals("\"bfd\"", run.member("algorithm"));
    assertEquals("[10]", run.member("capacity"));
    assertEquals("[100.0]", run.member("fillPercent"));
    assertTrue(Double.parseDouble(run.member("millis")) >= 0);
  }

  @Test
  void jsonEscapesTheFileName() throws IOException {
    Path odd = file("we\"ird\\name.txt", "1\n10\n4\n");
    Invocation run = Invocation.platformsim("pack", "--json", odd.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.member("file").endsWith("we\\\"ird\\\\name.txt\""), run.out());
  }

  @Test
  void csvWithNodeOption() throws IOException {
    // cpu in millicores, memory with binary suffixes. By hand: {(2000, 8Gi), (2000, 8Gi)} and
    // {(1000, 12Gi), (3000, 2Gi)} fill (4000, 16Gi) and (4000, 14Gi): 2 bins, and the volume
    // bound is max(8000/4000, 30Gi/16Gi -> 2) = 2, so the answer is optimal.
    Path csv =
        file("requests.csv", "# four pods\ncpu,memory\n2000,8Gi\n2000,8Gi\n1000,12Gi\n3000,2Gi\n");
    Invocation run =
        Invocation.platformsim("pack", "--node", "cpu=4000,memory=16Gi", csv.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("4", run.row("items"));
    assertEquals("cpu=4000, memory=17179869184", run.row("bin size"));
    assertEquals("2", run.row("bins"));
    assertTrue(run.row("gap").startsWith("0 "), run.out());
  }

  @Test
  void csvWithNodeRowAndNames() throws IOException {
    Path csv =
        file(
            "pods.csv",
            "name,cpu,memory\nnode,4000,16Gi\nweb-1,2000,8Gi\n"
                + "web-2,2000,8Gi\ndb,1000,12Gi\nbatch,3000,2Gi\n");
    Invocation run = Invocation.platformsim("pack", "-a", "ffd", "--bins", csv.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("2", run.row("bins"));
    // Normalised sums: web 0.5 + 0.5 = 1.0, db 0.25 + 0.75 = 1.0, batch 0.75 + 0.125 = 0.875;
    // ties keep file order, so FFD packs web-1, web-2 | db, batch.
    assertTrue(run.out().contains("items: web-1 web-2\n"), run.out());
    assertTrue(
        run.out().contains("cpu=4000 (100.0%) memory=15032385536 (87.5%) items: db batch"),
        run.out());
  }

  @Test
  void vbpFile() throws IOException {
    Path vbp = file("v.vbp", "2\n10 10\n2\n6 1 2\n1 6 2\n");
    Invocation run = Invocation.platformsim("pack", "--json", vbp.toString());
    assertEquals(0, run.exitCode(), run.err());
    // Two (6,1) and two (1,6): pairs {(6,1),(1,6)} fit, two bins; (6,1) twice does not (12 > 10).
    assertEquals("4", run.member("items"));
    assertEquals("2", run.member("bins"));
    assertEquals("[\"d1\",\"d2\"]", run.member("resources"));
  }

  @Test
  void malformedBppFilesGetOneLineErrors() throws IOException {
    Invocation.platformsim("pack", file("short.txt", "3\n10\n5\n5\n").toString())
        .assertOneLineError("pack", "short.txt line 4, item 3 size: missing");
    Invocation.platformsim("pack", file("long.txt", "1\n10\n5\n5\n").toString())
        .assertOneLineError("pack", "long.txt line 4, end of data");
    Invocation.platformsim("pack", file("word.txt", "2\n10\n5\nfive\n").toString())
        .assertOneLineError("pack", "word.txt line 4, item 2 size: 'five' is not an integer");
    Invocation.platformsim("pack", file("big.txt", "2\n10\n5\n11\n").toString())
        .assertOneLineError(
            "pack", "big.txt line 4, item 2 size: 11 is larger than the bin capacity 10");
    Invocation.platformsim("pack", file("neg.txt", "2\n10\n-5\n1\n").toString())
        .assertOneLineError("pack", "neg.txt line 3, item 1 size: must not be negative, got -5");
    Invocation.platformsim(
            "pack", file("huge.txt", "1\n10\n123456789012345678901234567890\n").toString())
        .assertOneLineError(
            "pack", "huge.txt line 3, item 1 size:", "does not fit in a 64-bit integer");
    Invocation.platformsim("pack", file("cap.txt", "1\n0\n").toString())
        .assertOneLineError("pack", "cap.txt line 2, bin capacity: must be positive, got 0");
    Invocation.platformsim("pack", dir.resolve("absent.txt").toString())
        .assertOneLineError("pack", "absent.txt: no such file");
  }

  @Test
  void unknownAlgorithmIsAOneLineError() throws IOException {
    Invocation.platformsim("pack", "--algorithm", "tetris", handInstance().toString())
        .assertOneLineError("pack", "--algorithm: unknown 'tetris'", "ffd", "bfd");
    Invocation.platformsim("pack", "--format", "xml", handInstance().toString())
        .assertOneLineError("pack", "--format: unknown 'xml'");
  }

  @Test
  void malformedCsvGetsOneLineErrors() throws IOException {
    Invocation.platformsim(
            "pack",
            "--node",
            "cpu=4000,memory=16Gi",
            file("a.csv", "cpu,memory\n500,1Gb\n").toString())
        .assertOneLineError("pack", "a.csv line 2, memory: '1Gb' is not a quantity");
    Invocation.platformsim(
            "pack",
            "--node",
            "cpu=4000,memory=16Gi",
            file("b.csv", "cpu,memory\n500,1Gi,7\n").toString())
        .assertOneLineError("pack", "b.csv line 2, row: expected 2 values (cpu, memory), found 3");
    Invocation.platformsim(
            "pack", "--node", "cpu=4000", file("c.csv", "cpu,memory\n500,1Gi\n").toString())
        .assertOneLineError("pack", "--node, memory: missing");
    Invocation.platformsim(
            "pack",
            "--node",
            "cpu=4000,memory=16Gi,gpu=1",
            file("d.csv", "cpu,memory\n500,1Gi\n").toString())
        .assertOneLineError("pack", "--node, gpu: unknown resource (the file has cpu, memory)");
    Invocation.platformsim("pack", file("e.csv", "cpu,memory\n4000,16Gi\n500,17Gi\n").toString())
        .assertOneLineError(
            "pack",
            "e.csv line 3, memory: 17Gi = 18253611008 is larger than the node's "
                + "17179869184 (line 2)");
    Invocation.platformsim("pack", file("f.csv", "cpu\n4000\n-1\n").toString())
        .assertOneLineError("pack", "f.csv line 3, cpu: must not be negative, got -1");
    Invocation.platformsim("pack", file("g.csv", "cpu\n4000\n99999999999Pi\n").toString())
        .assertOneLineError(
            "pack", "g.csv line 3, cpu: '99999999999Pi' does not fit in a 64-bit integer");
    Invocation.platformsim("pack", file("h.csv", "cpu\n").toString())
        .assertOneLineError("pack", "h.csv, node: missing");
  }

  @Test
  void quantitiesUseKubernetesSuffixes() {
    // 1Ki = 1024, 1Mi = 1024^2, 1k = 1000, 1G = 10^9 (Kubernetes resource quantity suffixes).
    assertEquals(1024, PackCsv.quantity("f", 1, "x", "1Ki"));
    assertEquals(16L * 1024 * 1024 * 1024, PackCsv.quantity("f", 1, "x", "16Gi"));
    assertEquals(3000, PackCsv.quantity("f", 1, "x", "3k"));
    assertEquals(2_000_000_000L, PackCsv.quantity("f", 1, "x", "2G"));
    assertEquals(5L << 50, PackCsv.quantity("f", 1, "x", "5Pi"));
    assertEquals(42, PackCsv.quantity("f", 1, "x", "42"));
  }

  @Test
  void quantitiesFollowTheOneParser() {
    // Read by scheduler Quantity (k8s.io/apimachinery quantity.go grammar): exponents, E and Ei,
    // a sign and whole-valued fractions are quantities too; 1.5k = 1500, 4e3 = 4000, 1Ei = 2^60.
    assertEquals(1500, PackCsv.quantity("f", 1, "x", "1.5k"));
    assertEquals(4000, PackCsv.quantity("f", 1, "x", "4e3"));
    assertEquals(1L << 60, PackCsv.quantity("f", 1, "x", "1Ei"));
    assertEquals(7, PackCsv.quantity("f", 1, "x", "+7"));
    // A value that is not a whole number of units is refused, not rounded.
    PackingFileException e =
        assertThrows(PackingFileException.class, () -> PackCsv.quantity("f", 1, "x", "500m"));
    assertTrue(e.getMessage().contains("not a whole number of units (it is 0.5)"), e.getMessage());
    // quantity.go caps a binary-SI amount at 2^63 - 1; for a CSV that is an overflow, not a size.
    e = assertThrows(PackingFileException.class, () -> PackCsv.quantity("f", 1, "x", "8Ei"));
    assertTrue(e.getMessage().contains("does not fit in a 64-bit integer"), e.getMessage());
    e = assertThrows(PackingFileException.class, () -> PackCsv.quantity("f", 1, "x", "10E"));
    assertTrue(e.getMessage().contains("does not fit in a 64-bit integer"), e.getMessage());
    e = assertThrows(PackingFileException.class, () -> PackCsv.quantity("f", 1, "x", "1 Gi"));
    assertTrue(e.getMessage().contains("'1 Gi' is not a quantity"), e.getMessage());
  }

  @Test
  void helpWorks() {
    Invocation run = Invocation.platformsim("pack", "--help");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("Usage: platformsim pack"), run.out());
    assertTrue(
        run.out().contains("--algorithm")
            && run.out().contains("--json")
            && run.out().contains("--node"),
        run.out());
  }
}
