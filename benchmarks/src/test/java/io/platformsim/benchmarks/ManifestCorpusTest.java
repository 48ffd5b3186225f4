package io.platformsim.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.fleet.manifests.ImportReport;
import io.platformsim.fleet.manifests.ImportedWorkload;
import io.platformsim.fleet.manifests.ImportedWorkloads;
import io.platformsim.fleet.manifests.ManifestReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's generated manifests import without error, every attachment found (no timing). */
class ManifestCorpusTest {

  @Test
  void tenThousandGeneratedWorkloadsImportWithEveryHpaAndPdbAttached(@TempDir Path dir) {
    ManifestCorpus corpus = ManifestCorpus.write(dir, 10_000, 17L);
    assertEquals(10_000, corpus.workloads());
    // 250 workloads per namespace file
    assertEquals(40, corpus.files());
    ImportedWorkloads imported = new ManifestReader().read(dir);
    ImportReport report = imported.report();
    assertEquals(10_000, report.workloads());
    // only Services and ConfigMaps are skipped; no HPA or PDB is left without a target
    assertEquals(
        Map.of("ConfigMap", corpus.configMaps(), "Service", corpus.services()), report.skipped());
    assertEquals(
        corpus.autoscalers(),
        imported.workloads().stream().filter(w -> w.details().autoscaler().isPresent()).count());
    assertEquals(
        corpus.budgets(),
        imported.workloads().stream()
            .filter(w -> w.details().disruptionBudget().isPresent())
            .count());
    // every namespace has a LimitRange, so no request is missing
    assertTrue(report.missingRequests().isEmpty());
    // the shares drawn are those documented (80% Deployments; 30% of those with an HPA), +- 2%
    long deployments =
        imported.workloads().stream().filter(w -> w.kind().equals("Deployment")).count();
    assertEquals(8_000, deployments, 200);
    assertEquals(0.3 * deployments, corpus.autoscalers(), 0.02 * deployments);
    assertTrue(imported.workloads().stream().anyMatch(w -> w.kind().equals("StatefulSet")));
    assertTrue(imported.workloads().stream().anyMatch(w -> w.kind().equals("DaemonSet")));
    assertTrue(
        imported.workloads().stream().anyMatch(w -> !w.details().podAntiAffinity().isEmpty()));
  }

  @Test
  void theSameSeedWritesTheSameFiles(@TempDir Path a, @TempDir Path b) throws IOException {
    ManifestCorpus.write(a, 600, 3L);
    ManifestCorpus.write(b, 600, 3L);
    for (String f : new String[] {"team-000.yaml", "team-001.yaml", "team-002.yaml"}) {
      assertEquals(Files.readString(a.resolve(f)), Files.readString(b.resolve(f)));
    }
    assertEquals(
        new ManifestReader().read(a).workloads().stream().map(ImportedWorkload::service).toList(),
        new ManifestReader().read(b).workloads().stream().map(ImportedWorkload::service).toList());
  }
}
