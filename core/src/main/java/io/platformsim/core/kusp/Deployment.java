package io.platformsim.core.kusp;

import io.platformsim.core.kusp.autoscaling.StabilizationWindow;
import io.platformsim.core.kusp.deployment.DeploymentStatusCounts;
import io.platformsim.core.kusp.deployment.ProgressCondition;
import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.ImageLayer;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Service;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A Deployment's state as the controllers see it: the service and spec it was created with, its
 * desired replicas, its ReplicaSets (the current one last), its registered images, rollouts,
 * recorded ReplicaSet steps, its status counts and Progressing condition as of the last sync, its
 * HPA's recommendation window, load and the usage of its running pods. Changed only by the
 * controllers ({@link DeploymentController}, {@link ReplicaSetController}, {@link
 * HorizontalPodAutoscaler}) and the kubelet's running-pod count.
 */
final class Deployment {
  final Service service;
  final DeploymentSpec spec;
  int replicas;
  // Small initial capacities: most Deployments see a handful of releases, and thousands of
  // default-sized (10-slot, 16-bucket) collections were retained for nothing.
  final List<ReplicaSet> sets = new ArrayList<>(2);
  ReplicaSet current;
  // Image by version, in registration order: two small arrays (a service has a handful of
  // versions) instead of a LinkedHashMap, which cost 170 B per Deployment.
  private String[] imageVersions = new String[2];
  private ImageDescription[] imagesByVersion = new ImageDescription[2];
  private int imageCount;
  Rollout rollout;
  final List<Rollout> rollouts = new ArrayList<>(2);
  // ReplicaSet steps, two longs each: the time, then newReplicas << 32 | oldReplicas (unsigned);
  // records are built when read (steps). Null until the first step.
  private long[] steps;
  private int stepCount;
  // Created on first use: most Deployments never lose a pod to eviction, and an empty ArrayDeque
  // holds a 17-slot array.
  ArrayDeque<Long> evictedAt;
  // The HPA's raw recommendations (k/k horizontal.go a.recommendations[key]); null without an HPA
  // or before its first computed recommendation.
  StabilizationWindow hpaWindow;
  // status as written by the last sync (the "old status" the next sync compares against) and the
  // Progressing condition (null only before creation completes).
  DeploymentStatusCounts status = NO_PODS;
  ProgressCondition progressing;
  // The pending progress check (requeueStuckDeployment), -1 for none.
  long progressCheck = -1;
  boolean syncPending;
  // Deleted (DeploymentController.delete): no sync, HPA or progress check acts on it again.
  boolean deleted;
  int running;
  double load = 1.0;
  double usedCpu;
  double usedMemory;

  private static final DeploymentStatusCounts NO_PODS = new DeploymentStatusCounts(0, 0, 0, 0);

  Deployment(Service service, DeploymentSpec spec) {
    this.service = service;
    this.spec = spec;
    this.replicas = service.instances();
  }

  /** The image registered for {@code version}, or null. */
  ImageDescription image(String version) {
    for (int i = 0; i < imageCount; i++) {
      if (imageVersions[i].equals(version)) {
        return imagesByVersion[i];
      }
    }
    return null;
  }

  /** Registers (or replaces) the image of {@code version}. */
  void putImage(String version, ImageDescription image) {
    for (int i = 0; i < imageCount; i++) {
      if (imageVersions[i].equals(version)) {
        imagesByVersion[i] = image;
        return;
      }
    }
    if (imageCount == imageVersions.length) {
      imageVersions = Arrays.copyOf(imageVersions, imageCount * 2);
      imagesByVersion = Arrays.copyOf(imagesByVersion, imageCount * 2);
    }
    imageVersions[imageCount] = version;
    imagesByVersion[imageCount++] = image;
  }

  /**
   * Registers the image of {@code version} for a later release.
   *
   * @throws IllegalArgumentException if the version is blank or the image null
   */
  void publishImage(String version, ImageDescription image) {
    if (version == null || version.isBlank() || image == null) {
      throw new IllegalArgumentException(
          "publishImage for '"
              + service.name()
              + "': version and image must be given, were '"
              + version
              + "' and "
              + image);
    }
    putImage(version, image);
  }

  /** The image registered for {@code version}; an unknown one is an error naming the known ones. */
  ImageDescription knownImage(String version) {
    ImageDescription img = image(version);
    if (img == null) {
      throw new IllegalArgumentException(
          "unknown image for service '"
              + service.name()
              + "' version '"
              + version
              + "'; known versions: "
              + imageVersions());
    }
    return img;
  }

  /** The registered versions, in registration order. */
  List<String> imageVersions() {
    return List.of(Arrays.copyOf(imageVersions, imageCount));
  }

  /**
   * The image of {@code release} when none was published: the current image with its last
   * (application) layer replaced for an APP release, every layer but the last for a BASE_IMAGE
   * release (a rebuild on a new base with unchanged application content keeps that layer's digest).
   */
  static ImageDescription derivedImage(ImageDescription current, Release release) {
    List<ImageLayer> layers = new ArrayList<>(current.layers());
    String ref =
        current.reference().contains(":")
            ? current.reference().substring(0, current.reference().lastIndexOf(':'))
                + ":"
                + release.version()
            : current.reference() + ":" + release.version();
    if (layers.isEmpty()) {
      return ImageDescription.named(ref);
    }
    int from = release.kind() == Release.Kind.APP ? layers.size() - 1 : 0;
    int to = release.kind() == Release.Kind.APP ? layers.size() : Math.max(1, layers.size() - 1);
    for (int i = from; i < to; i++) {
      ImageLayer l = layers.get(i);
      layers.set(
          i,
          new ImageLayer(
              l.digest()
                  + "@"
                  + release.kind().name().toLowerCase(Locale.ROOT)
                  + "-"
                  + release.version(),
              l.sizeBytes()));
    }
    return new ImageDescription(ref, layers);
  }

  /**
   * Sets the load factor: each running pod uses {@code factor × Service.usage}.
   *
   * @throws IllegalArgumentException for a negative or non-finite factor
   */
  void setLoad(double factor) {
    if (!(factor >= 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException(
          "load factor of '" + service.name() + "' must be finite and >= 0, was " + factor);
    }
    load = factor;
  }

  /** Available pods over all its ReplicaSets. */
  int available() {
    int n = 0;
    for (ReplicaSet rs : sets) {
      n += rs.available();
    }
    return n;
  }

  /**
   * Its status counts now (k/k sync.go {@code calculateStatus}): pods of all ReplicaSets, of the
   * current one, and available pods. Ready is taken as available: the model tells the controller of
   * a pod when it becomes available (the same instant with minReadySeconds 0, the default).
   */
  DeploymentStatusCounts statusNow() {
    int pods = 0;
    int avail = 0;
    for (ReplicaSet rs : sets) {
      pods += rs.pods.size();
      avail += rs.available();
    }
    return new DeploymentStatusCounts(pods, current.pods.size(), avail, avail);
  }

  /** Whether its latest rollout is still in progress. */
  boolean rollingOut() {
    return rollout != null && rollout.end < 0;
  }

  /**
   * Records the new and old ReplicaSets' replicas now, replacing a step recorded at the same
   * instant.
   */
  void recordStep(long now) {
    int oldReplicas = 0;
    for (ReplicaSet rs : sets) {
      if (rs != current) {
        oldReplicas += rs.replicas;
      }
    }
    long counts = (long) current.replicas << 32 | (oldReplicas & 0xFFFF_FFFFL);
    if (stepCount > 0 && steps[2 * (stepCount - 1)] == now) {
      steps[2 * (stepCount - 1) + 1] = counts;
      return;
    }
    if (steps == null) {
      steps = new long[8];
    } else if (2 * stepCount == steps.length) {
      steps = Arrays.copyOf(steps, 2 * (stepCount + Math.max(2, stepCount >> 1)));
    }
    steps[2 * stepCount] = now;
    steps[2 * stepCount + 1] = counts;
    stepCount++;
  }

  /** The recorded steps at or after {@code sinceMillis}, decoded. */
  List<ReplicaSetStep> steps(long sinceMillis) {
    List<ReplicaSetStep> out = new ArrayList<>();
    for (int i = 0; i < stepCount; i++) {
      long at = steps[2 * i];
      if (at >= sinceMillis) {
        long counts = steps[2 * i + 1];
        out.add(new ReplicaSetStep(at, (int) (counts >>> 32), (int) counts));
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "Deployment["
        + service.name()
        + " replicas "
        + replicas
        + ", "
        + sets.size()
        + " ReplicaSets, "
        + available()
        + " available]";
  }
}
