package io.platformsim.scheduler.pod;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.placement.FastScheduler;
import io.platformsim.scheduler.placement.NodeSampling;
import io.platformsim.scheduler.placement.Policies;
import io.platformsim.scheduler.resource.DimensionRegistry;
import io.platformsim.scheduler.state.NodeTable;
import org.junit.jupiter.api.Test;

/**
 * {@link PodSpec#withId}: a renamed pod that shares its template's parts and schedules the same.
 */
class PodSpecWithIdTest {
  static final DimensionRegistry REG = DimensionRegistry.standard();

  static PodSpec.Builder web(String id) {
    return PodSpec.builder(id, REG)
        .priority(100)
        .label("app", "web")
        .container("app", "web:1", "cpu", "500m", "memory", "1Gi")
        .spread(
            new SpreadConstraint(
                1,
                NodeSpec.ZONE,
                WhenUnsatisfiable.DO_NOT_SCHEDULE,
                LabelSelector.matchLabels("app", "web")));
  }

  @Test
  void theRenamedPodKeepsEverythingButItsNameAndSharesTheParts() {
    PodSpec template = web("template").build();
    PodSpec p = template.withId("web-7");
    assertEquals("web-7", p.id());
    assertEquals("web-7", p.tieBreakKey());
    assertArrayEquals(template.requestArray(), p.requestArray());
    assertEquals(template.nonZeroCpu(), p.nonZeroCpu());
    assertEquals(template.priority(), p.priority());
    assertSame(template.labels(), p.labels());
    assertSame(template.containers(), p.containers());
    assertSame(template.spreadConstraints(), p.spreadConstraints());
    assertEquals("fixed", web("t").tieBreakKey("fixed").build().withId("web-8").tieBreakKey());
    assertThrows(IllegalArgumentException.class, () -> template.withId(" "));
  }

  @Test
  void aRenamedPodIsPlacedLikeOneBuiltFromScratch() {
    NodeTable a = cluster();
    NodeTable b = cluster();
    FastScheduler fa =
        new FastScheduler(a, Policies.profile("k8s-default"), NodeSampling.adaptive(), 7);
    FastScheduler fb =
        new FastScheduler(b, Policies.profile("k8s-default"), NodeSampling.adaptive(), 7);
    PodSpec template = web("template").build();
    for (int i = 0; i < 12; i++) {
      String id = "web-" + i;
      assertEquals(fa.placeAndBind(web(id).build()), fb.placeAndBind(template.withId(id)));
    }
  }

  static NodeTable cluster() {
    NodeTable t = new NodeTable(REG);
    for (int i = 0; i < 6; i++) {
      t.addNode(
          NodeSpec.builder("n" + i, REG)
              .allocatable("cpu", "2")
              .allocatable("memory", "8Gi")
              .allocatable("pods", "110")
              .zone("z" + (i % 3))
              .build());
    }
    return t;
  }
}
