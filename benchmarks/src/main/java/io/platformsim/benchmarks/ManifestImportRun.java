package io.platformsim.benchmarks;

import io.platformsim.fleet.manifests.ImportedWorkloads;
import io.platformsim.fleet.manifests.ManifestReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Imports a generated corpus repeatedly and prints the wall time and the importing thread's CPU
 * time of each import. On a machine shared with other work the CPU time is the steadier figure:
 * wall time then includes the time the thread waits for a core.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.platformsim.benchmarks.ManifestImportRun
 * [workloads=10000] [imports=6]}
 */
public final class ManifestImportRun {

  private ManifestImportRun() {}

  /**
   * Runs the imports.
   *
   * @param args workloads and number of imports, both optional
   */
  public static void main(String[] args) throws IOException {
    int workloads = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int imports = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    Path dir = Files.createTempDirectory("platformsim-manifests");
    ManifestCorpus corpus = ManifestCorpus.write(dir, workloads, 17L);
    System.out.println(corpus);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 1; i <= imports; i++) {
      long wall = System.nanoTime();
      long cpu = threads.getCurrentThreadCpuTime();
      ImportedWorkloads imported = new ManifestReader().read(dir);
      System.out.printf(
          "import %d: %,d workloads, wall %,d ms, thread CPU %,d ms%n",
          i,
          imported.workloads().size(),
          (System.nanoTime() - wall) / 1_000_000,
          (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
    }
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
