package io.platformsim.core.kusp;

import static io.platformsim.core.kusp.KuspBehaviourTest.IMG;
import static io.platformsim.core.kusp.KuspBehaviourTest.cluster;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.ImageLayer;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The HPA on a small cluster (zero latencies, preloaded image, pods Ready as they start), its
 * expected counts derived in the comments from k/k v1.31 pkg/controller/podautoscaler
 * (replica_calculator.go {@code GetResourceReplicas}, horizontal.go {@code
 * normalizeDesiredReplicas}).
 */
class HorizontalPodAutoscalerTest {

  /** One wanted instance of 500m request and 250m usage: 50% at load 1. */
  private static Service api(int instances) {
    return Service.builder("api")
        .instances(instances)
        .request(Resources.of(500, 256))
        .usage(Resources.of(250, 128))
        .image(ImageDescription.of("api:1", IMG.layers().toArray(new ImageLayer[0])))
        .startup(Duration.ZERO)
        .healthCheck(Duration.ZERO)
        .build();
  }

  /**
   * Load 10 from the start: a demand of 2,500m shared by the running pods; target 50%, max 10.
   * Syncs every 15 s; without spec.behavior a sync goes at most to max(2 · current, 4) ({@code
   * calculateScaleUpLimit}):
   *
   * <ul>
   *   <li>15 s: 1 pod at 2,500m = 500% → ratio 10 → ⌈10 · 1⌉ = 10, limited to max(2, 4) = 4;
   *   <li>30 s: 4 pods at 625m = 125% → ⌈2.5 · 4⌉ = 10, limited to 8;
   *   <li>45 s: 8 pods at 312.5m (313m, whole millicores) = 62% → ⌈1.24 · 8⌉ = ⌈9.92⌉ = 10 (max
   *       10);
   *   <li>60 s: 10 pods at 250m = 50%: stays.
   * </ul>
   *
   * (Before the limit the model went to 10 at 15 s.)
   */
  @Test
  void aScaleUpAtMostDoublesPerSync() {
    KuspPlatform k = cluster(KuspConfig.builder().initialNodes(2).preloadedImages(IMG));
    k.deploy(api(1), DeploymentSpec.builder().autoscaling(PodAutoscaling.cpu(1, 10, 50)).build());
    k.setLoad("api", 10);
    int[] expected = {1, 4, 8, 10, 10};
    for (int i = 0; i < expected.length; i++) {
      k.simulation().runUntil(i * 15_000L);
      assertEquals(expected[i], k.replicas("api"), "at " + i * 15 + " s");
    }
    assertEquals(10, k.available("api"));
  }

  /**
   * Pods of a new ReplicaSet that are not Ready yet, within their 5 min CPU initialization period,
   * are unready ({@code groupPods}); on a scale-up they count as using nothing, and a
   * recommendation that then flips direction keeps the current count. 4 wanted instances at load 1
   * (50%), target 50%, min 4 max 20. A release whose pods never get Ready stops at new 2 (⌈25% · 4⌉
   * = 1 surge + ⌊1⌋ = 1 unavailable) / old 3. At load 1.5 the demand is 1,500m over the 5 running
   * pods, 300m each: the 3 ready ones are at 60% → ratio 1.2 over 3 pods; counting the 2 unready
   * ones at 0: 900m / 2,500m = 36% → 0.72 < 1, the direction flips: the count stays 4. (Counting
   * every running pod, as the model did before, gave ⌈1.2 · 4⌉ = 5.)
   */
  @Test
  void unreadyPodsHoldAScaleUpBack() {
    KuspPlatform k = cluster(KuspConfig.builder().initialNodes(2).preloadedImages(IMG));
    k.deploy(api(4), DeploymentSpec.builder().autoscaling(PodAutoscaling.cpu(4, 20, 50)).build());
    k.simulation().runUntil(60_000);
    assertEquals(4, k.replicas("api"));
    k.publishImage(
        "api", "2", ImageDescription.of("api:2", IMG.layers().toArray(new ImageLayer[0])));
    k.apply(Release.app("api", "2").failingHealthCheck(1.0));
    k.simulation().runUntil(61_000);
    k.setLoad("api", 1.5);
    k.simulation().runUntil(200_000);
    assertEquals(4, k.replicas("api"));
  }
}
