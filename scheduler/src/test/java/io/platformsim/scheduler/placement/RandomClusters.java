package io.platformsim.scheduler.placement;

import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.cluster.TaintEffect;
import io.platformsim.scheduler.pod.AntiAffinityTerm;
import io.platformsim.scheduler.pod.LabelSelector;
import io.platformsim.scheduler.pod.NodeSelectorTerm;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.pod.Requirement;
import io.platformsim.scheduler.pod.SpreadConstraint;
import io.platformsim.scheduler.pod.Toleration;
import io.platformsim.scheduler.pod.WhenUnsatisfiable;
import io.platformsim.scheduler.resource.DimensionRegistry;
import io.platformsim.scheduler.state.NodeTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random clusters and pods that exercise every filter and scorer. */
final class RandomClusters {
  static final DimensionRegistry REG = DimensionRegistry.standard("nvidia.com/gpu");
  static final String[] IMAGES = {"img-a", "img-b", "img-c", "img-d"};
  static final long[] IMAGE_SIZES = {30L << 20, 300L << 20, 900L << 20, 2000L << 20};

  private RandomClusters() {}

  static NodeTable cluster(Random rnd, int n) {
    NodeTable t = new NodeTable(REG);
    long[] cpus = {1000, 2000, 4000, 8000, 16000};
    long[] mems = {2L << 30, 4L << 30, 8L << 30, 16L << 30, 32L << 30};
    long[] pods = {4, 10, 30, 110};
    for (int i = 0; i < n; i++) {
      NodeSpec.Builder b =
          NodeSpec.builder("node-" + i, REG)
              .allocatable("cpu", cpus[rnd.nextInt(cpus.length)])
              .allocatable("memory", mems[rnd.nextInt(mems.length)])
              .allocatable("pods", pods[rnd.nextInt(pods.length)]);
      if (rnd.nextInt(3) == 0) {
        b.allocatable("ephemeral-storage", (long) (1 + rnd.nextInt(50)) << 30);
      }
      if (rnd.nextInt(5) == 0) {
        b.allocatable("nvidia.com/gpu", 1 + rnd.nextInt(8));
      }
      if (rnd.nextInt(8) != 0) {
        b.zone("zone-" + rnd.nextInt(4));
      }
      if (rnd.nextBoolean()) {
        b.label("disk", rnd.nextBoolean() ? "ssd" : "hdd");
      }
      if (rnd.nextInt(4) != 0) {
        b.label("gen", Integer.toString(rnd.nextInt(6)));
      }
      if (rnd.nextInt(10) == 0) {
        b.taint("dedicated", "gpu", TaintEffect.NO_SCHEDULE);
      }
      if (rnd.nextInt(12) == 0) {
        b.taint("maintenance", "", TaintEffect.NO_EXECUTE);
      }
      if (rnd.nextInt(6) == 0) {
        b.taint("spot", "true", TaintEffect.PREFER_NO_SCHEDULE);
      }
      if (rnd.nextInt(30) == 0) {
        b.unschedulable(true);
      }
      for (int k = 0; k < IMAGES.length; k++) {
        if (rnd.nextInt(3) == 0) {
          b.image(IMAGES[k], IMAGE_SIZES[k]);
        }
      }
      t.addNode(b.build());
    }
    return t;
  }

  private static String[] requests(Random rnd) {
    List<String> kv = new ArrayList<>();
    int mode = rnd.nextInt(4);
    if (mode != 0) {
      kv.add("cpu");
      kv.add(mode == 1 ? "0" : (50 + rnd.nextInt(1500)) + "m");
    }
    mode = rnd.nextInt(4);
    if (mode != 0) {
      kv.add("memory");
      kv.add(mode == 1 ? "0" : (64 + rnd.nextInt(3000)) + "Mi");
    }
    if (rnd.nextInt(8) == 0) {
      kv.add("ephemeral-storage");
      kv.add((1 + rnd.nextInt(4)) + "Gi");
    }
    if (rnd.nextInt(10) == 0) {
      kv.add("nvidia.com/gpu");
      kv.add(Integer.toString(1 + rnd.nextInt(2)));
    }
    return kv.toArray(new String[0]);
  }

  static Requirement nodeRequirement(Random rnd) {
    switch (rnd.nextInt(6)) {
      case 0:
        return Requirement.in("disk", rnd.nextBoolean() ? "ssd" : "hdd");
      case 1:
        return Requirement.notIn(NodeSpec.ZONE, "zone-" + rnd.nextInt(4));
      case 2:
        return Requirement.exists("disk");
      case 3:
        return Requirement.doesNotExist("disk");
      case 4:
        return Requirement.gt("gen", rnd.nextInt(5));
      default:
        return Requirement.lt("gen", 1 + rnd.nextInt(5));
    }
  }

  static PodSpec pod(Random rnd, String id, boolean constraints) {
    PodSpec.Builder b = PodSpec.builder(id, REG).priority(rnd.nextInt(3) * 100);
    int containers = rnd.nextInt(3) + (rnd.nextInt(10) == 0 ? 0 : 1);
    for (int c = 0; c < containers; c++) {
      String image = rnd.nextInt(3) == 0 ? null : IMAGES[rnd.nextInt(IMAGES.length)];
      b.container("c" + c, image, requests(rnd));
    }
    if (rnd.nextInt(6) == 0) {
      b.initContainer(
          "init", rnd.nextBoolean() ? null : IMAGES[rnd.nextInt(IMAGES.length)], requests(rnd));
    }
    if (rnd.nextInt(8) == 0) {
      b.overhead("cpu", "10m").overhead("memory", "16Mi");
    }
    String app = null;
    if (rnd.nextInt(4) != 0) {
      app = "app-" + rnd.nextInt(4);
      b.label("app", app);
    }
    if (!constraints) {
      return b.build();
    }
    if (rnd.nextInt(4) == 0) {
      switch (rnd.nextInt(4)) {
        case 0 -> b.toleration(Toleration.equal("dedicated", "gpu", TaintEffect.NO_SCHEDULE));
        case 1 -> b.toleration(Toleration.exists(null, null));
        case 2 -> b.toleration(Toleration.exists("spot", TaintEffect.PREFER_NO_SCHEDULE));
        default ->
            b.toleration(
                Toleration.exists("node.kubernetes.io/unschedulable", TaintEffect.NO_SCHEDULE));
      }
    }
    if (rnd.nextInt(8) == 0) {
      b.nodeSelector("disk", "ssd");
    }
    if (rnd.nextInt(6) == 0) {
      b.requiredNodeAffinity(NodeSelectorTerm.of(nodeRequirement(rnd)));
      if (rnd.nextBoolean()) {
        b.requiredNodeAffinity(NodeSelectorTerm.of(nodeRequirement(rnd), nodeRequirement(rnd)));
      }
    }
    if (rnd.nextInt(4) == 0) {
      b.preferredNodeAffinity(1 + rnd.nextInt(100), NodeSelectorTerm.of(nodeRequirement(rnd)));
      if (rnd.nextBoolean()) {
        b.preferredNodeAffinity(1 + rnd.nextInt(100), NodeSelectorTerm.of(nodeRequirement(rnd)));
      }
    }
    if (app != null && rnd.nextInt(4) == 0) {
      String key = rnd.nextBoolean() ? NodeSpec.ZONE : NodeSpec.HOSTNAME;
      WhenUnsatisfiable w =
          rnd.nextBoolean() ? WhenUnsatisfiable.DO_NOT_SCHEDULE : WhenUnsatisfiable.SCHEDULE_ANYWAY;
      b.spread(
          new SpreadConstraint(1 + rnd.nextInt(3), key, w, LabelSelector.matchLabels("app", app)));
      if (rnd.nextBoolean()) {
        b.spread(
            new SpreadConstraint(
                1 + rnd.nextInt(3),
                rnd.nextBoolean() ? "disk" : NodeSpec.ZONE,
                rnd.nextBoolean()
                    ? WhenUnsatisfiable.DO_NOT_SCHEDULE
                    : WhenUnsatisfiable.SCHEDULE_ANYWAY,
                LabelSelector.matchLabels("app", app)));
      }
    }
    if (rnd.nextInt(8) == 0) {
      String target = "app-" + rnd.nextInt(4);
      b.antiAffinity(
          new AntiAffinityTerm(
              LabelSelector.matchLabels("app", target),
              rnd.nextInt(3) == 0 ? NodeSpec.ZONE : NodeSpec.HOSTNAME));
    }
    return b.build();
  }
}
