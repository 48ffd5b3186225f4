package io.platformsim.core.kusp;

import io.platformsim.core.kusp.deployment.ReplicaSetCounts;
import io.platformsim.core.workload.ImageDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * A ReplicaSet's state: its revision, creation time, image, desired replicas, the two replica
 * annotations the Deployment controller stamps on it, active pods (not terminating), the
 * terminating ones still counted, and how many of its pods are available (kept as pods change,
 * never by a walk).
 */
final class ReplicaSet implements StartupLog.PodNames {
  final Deployment deployment;
  final int revision;
  final String version;
  final ImageDescription image;
  final double healthCheckFailureProbability;
  final long createdAt;
  int replicas;
  // deployment.kubernetes.io/desired-replicas and max-replicas (k/k deployment_util.go
  // SetReplicasAnnotations); proportional scaling reads them to tell a resize from a rollout.
  int desiredAnnotation = ReplicaSetCounts.NO_ANNOTATION;
  int maxAnnotation = ReplicaSetCounts.NO_ANNOTATION;
  int terminating;
  int podCounter;
  final List<Pod> pods = new ArrayList<>();
  // Available pods among pods, kept as pods become available, unready or leave the set: the
  // Deployment controller and rollout accounting ask after every pod change, and a walk over the
  // set made that quadratic in a large service's replicas.
  private int availableCount;

  ReplicaSet(
      Deployment deployment,
      int revision,
      String version,
      ImageDescription image,
      double failP,
      long createdAt) {
    this.deployment = deployment;
    this.revision = revision;
    this.version = version;
    this.image = image;
    this.healthCheckFailureProbability = failP;
    this.createdAt = createdAt;
  }

  /** Its name: {@code <service>-r<revision>}. */
  String name() {
    return deployment.service.name() + "-r" + revision;
  }

  /** What the Deployment controller's arithmetic reads of it now. */
  ReplicaSetCounts counts() {
    return new ReplicaSetCounts(
        name(), createdAt, replicas, availableCount, desiredAnnotation, maxAnnotation);
  }

  /** The name of its pod number {@code ordinal}: {@code <service>-r<revision>-<ordinal>}. */
  @Override
  public String podName(int ordinal) {
    return deployment.service.name() + "-r" + revision + "-" + ordinal;
  }

  int available() {
    return availableCount;
  }

  /** {@code p} (one of {@link #pods}) became available. */
  void countAvailable(Pod p) {
    if (!p.countedAvailable()) {
      p.setCountedAvailable(true);
      availableCount++;
    }
  }

  /** {@code p} is unavailable or leaves the set. */
  void uncountAvailable(Pod p) {
    if (p.countedAvailable()) {
      p.setCountedAvailable(false);
      availableCount--;
    }
  }

  void remove(Pod p) {
    pods.remove(p);
    if (pods.isEmpty()) {
      // a scaled-down old ReplicaSet keeps no array sized for its former replicas
      ((ArrayList<Pod>) pods).trimToSize();
    }
    uncountAvailable(p);
  }

  @Override
  public String toString() {
    return "ReplicaSet["
        + deployment.service.name()
        + " r"
        + revision
        + " replicas "
        + replicas
        + ", "
        + pods.size()
        + " pods, "
        + availableCount
        + " available, "
        + terminating
        + " terminating]";
  }
}
