package io.platformsim.fleet.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.experiment.TimelineEvent;
import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.core.kusp.NoScheduleTerm;
import io.platformsim.core.kusp.nodelifecycle.Toleration;
import io.platformsim.core.workload.LoadCurve;
import io.platformsim.fleet.manifests.ImportedWorkload;
import io.platformsim.fleet.manifests.ImportedWorkloads;
import io.platformsim.fleet.manifests.ManifestReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tolerations, priorities, strategies and zone selectors the scenario can and cannot express, and
 * daily load curves: what is mapped, and that the rest is listed.
 */
class DeploymentMappingTest {

  @TempDir Path dir;

  private ImportedWorkloads read(String podSpec, String extra) throws IOException {
    Path f = dir.resolve("w.yaml");
    Files.writeString(
        f,
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
        %s
              containers:
                - name: app
                  image: web:1
                  resources: {requests: {cpu: 250m, memory: 256Mi}}
        %s"""
            .formatted(podSpec.indent(4), extra));
    return new ManifestReader().read(f);
  }

  /**
   * upstream: a toleration with an empty key and Exists tolerates every taint; NoExecute taints in
   * the model are only the node lifecycle's not-ready and unreachable (NodeLifecycleController), so
   * a NoExecute toleration of another key or of PreferNoSchedule changes nothing and is listed.
   */
  @Test
  void tolerationsMapToWhatTheScenarioCanSayAndTheRestIsListed() throws IOException {
    ImportedWorkload w =
        read(
                """
                  tolerations:
                    - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 30}
                    - {key: dedicated, operator: Equal, value: web, effect: NoSchedule}
                    - {key: gpu, operator: Exists, effect: PreferNoSchedule}
                    - {key: example.com/drain, operator: Exists, effect: NoExecute}
                    - {operator: Exists}
                """,
                "")
            .workloads()
            .get(0);
    assertEquals(
        List.of(
            "node.kubernetes.io/unreachable:NoExecute for 30s",
            "dedicated=web:NoSchedule",
            "gpu:PreferNoSchedule",
            "example.com/drain:NoExecute",
            "*"),
        w.details().tolerations());
    DeploymentMapping m = DeploymentMapping.of(w, "web");
    DeploymentSpec d = m.spec();
    assertEquals(
        List.of(
            Toleration.noExecute(Toleration.UNREACHABLE, 30L),
            Toleration.noExecute(Toleration.NOT_READY, null),
            Toleration.noExecute(Toleration.UNREACHABLE, null)),
        d.tolerations());
    assertEquals(
        List.of(new NoScheduleTerm("dedicated", false, "web"), new NoScheduleTerm(null, true, "")),
        d.noScheduleTerms());
    assertEquals(2, m.notModelled().size(), m.notModelled().toString());
    assertTrue(m.notModelled().get(0).contains("gpu:PreferNoSchedule"));
    assertTrue(m.notModelled().get(1).contains("example.com/drain:NoExecute"));
  }

  /**
   * system-cluster-critical is 2000000000 (pkg/apis/scheduling/types.go), above the 1000000000 a
   * user class may have (HighestUserDefinablePriority), which the scenario's priority is bounded
   * by: capped and listed. A zone no node has is dropped from the selector and listed.
   */
  @Test
  void aSystemPriorityIsCappedAndAnUnknownZoneDroppedBothListed() throws IOException {
    ImportedWorkload w =
        read(
                """
                  priorityClassName: system-cluster-critical
                  nodeSelector: {topology.kubernetes.io/zone: us-east-1a, disk: ssd}
                """,
                "")
            .workloads()
            .get(0);
    DeploymentMapping m = DeploymentMapping.of(w, "web");
    assertEquals(DeploymentSpec.HIGHEST_USER_PRIORITY, m.spec().priority());
    assertEquals(Map.of("disk", "ssd"), m.spec().nodeSelector());
    assertEquals(2, m.notModelled().size(), m.notModelled().toString());
  }

  @Test
  void fencepostsAreCountsAndRecreateStaysRecreate() throws IOException {
    Path f = dir.resolve("r.yaml");
    ImportedWorkloads w = read("", "");
    DeploymentSpec plain = DeploymentMapping.of(w.workloads().get(0), "web").spec();
    // 2 replicas, default 25%/25%: surge rounds up to 1, unavailable down to 0 (ResolveFenceposts)
    assertEquals("1", plain.maxSurge().toString());
    assertEquals("0", plain.maxUnavailable().toString());
    Files.writeString(
        f,
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          strategy: {type: Recreate}
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: app, image: web:1}]
        """);
    DeploymentSpec r =
        DeploymentMapping.of(new ManifestReader().read(f).workloads().get(0), "web").spec();
    assertEquals(DeploymentSpec.Strategy.RECREATE, r.strategy());
  }

  @Test
  void aDailyLoadCurveMakesTheServiceFollowItFromTimeZero() throws IOException {
    LoadCurve day = LoadCurve.constant(1.0).then(43_200_000L, 1.5);
    ImportedFleet f =
        FleetImport.builder("d").manifests(read("", "")).dailyLoad(Map.of("web", day)).build();
    List<TimelineEvent.FollowLoad> follows = new ArrayList<>();
    f.scenario()
        .timeline()
        .forEach(
            e -> {
              if (e instanceof TimelineEvent.FollowLoad l) {
                follows.add(l);
              }
            });
    assertEquals(List.of(new TimelineEvent.FollowLoad(0, "web", day)), follows);
    FleetImportException e =
        assertThrows(
            FleetImportException.class,
            () ->
                FleetImport.builder("d")
                    .manifests(read("", ""))
                    .dailyLoad(Map.of("api", day))
                    .build());
    assertTrue(e.getMessage().startsWith("daily load for service 'api'"), e.getMessage());
  }
}
