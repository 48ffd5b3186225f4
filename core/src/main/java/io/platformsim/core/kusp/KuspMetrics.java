package io.platformsim.core.kusp;

import io.platformsim.core.platform.DurationSummary;
import io.platformsim.core.platform.PlatformMetrics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * KuSP's own figures beside the platform-neutral {@link PlatformMetrics}: nodes and pods by state
 * (current and time-weighted), stranded capacity, the start-up split, unschedulable pods with
 * reasons, evictions, image traffic and restarts. Time-weighted figures cover [0, atMillis].
 *
 * @param platform the platform-neutral metrics
 * @param nodesNow nodes per state now
 * @param nodesAverage time-weighted average nodes per state
 * @param podsNow live pods per phase now (DaemonSet pods included)
 * @param podsAverage time-weighted average live pods per phase
 * @param strandedCpu CPU free on nodes whose memory is too full for any service's pod, ÷ CPU of
 *     billed nodes (time-weighted)
 * @param strandedMemory memory free on nodes whose CPU is too full for any service's pod, ÷ memory
 *     of billed nodes (time-weighted)
 * @param scheduling per-pod creation → bind
 * @param pull per-pod bind → image present
 * @param start per-pod image present → running
 * @param readiness per-pod running → Ready
 * @param unschedulableNow pod name → scheduler message, for pods waiting unschedulable now
 * @param unschedulableReasons reason → number of failed scheduling attempts with it
 * @param podsEverUnschedulable pods that failed at least one scheduling attempt
 * @param evictions node lifecycle evictions
 * @param imageBytesPulled bytes pulled over all nodes
 * @param imageBytesCollected bytes removed by image garbage collection
 * @param containerRestarts container restarts over all pods
 * @param preemptions pods preempted by higher-priority pods
 */
public record KuspMetrics(
    PlatformMetrics platform,
    Map<NodeState, Integer> nodesNow,
    Map<NodeState, Double> nodesAverage,
    Map<PodPhase, Integer> podsNow,
    Map<PodPhase, Double> podsAverage,
    double strandedCpu,
    double strandedMemory,
    DurationSummary scheduling,
    DurationSummary pull,
    DurationSummary start,
    DurationSummary readiness,
    SortedMap<String, String> unschedulableNow,
    SortedMap<String, Integer> unschedulableReasons,
    int podsEverUnschedulable,
    List<NodeEviction> evictions,
    long imageBytesPulled,
    long imageBytesCollected,
    int containerRestarts,
    int preemptions) {

  /** Copies the collections. */
  public KuspMetrics {
    nodesNow = Map.copyOf(nodesNow);
    nodesAverage = Map.copyOf(nodesAverage);
    podsNow = Map.copyOf(podsNow);
    podsAverage = Map.copyOf(podsAverage);
    unschedulableNow =
        java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(unschedulableNow));
    unschedulableReasons =
        java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(unschedulableReasons));
    evictions = List.copyOf(evictions);
  }

  @Override
  public String toString() {
    return platform
        + String.format(
            Locale.ROOT,
            "%n  nodes now %s, pods now %s%n  stranded CPU %.1f%% memory %.1f%%, restarts %d, preemptions %d,"
                + " pulled %d B, GC freed %d B%n  start-up: scheduling %s | pull %s | start %s | readiness %s%n"
                + "  unschedulable now %d (ever %d), reasons %s, evictions %d",
            new java.util.TreeMap<>(nodesNow),
            new java.util.TreeMap<>(podsNow),
            100 * strandedCpu,
            100 * strandedMemory,
            containerRestarts,
            preemptions,
            imageBytesPulled,
            imageBytesCollected,
            scheduling,
            pull,
            start,
            readiness,
            unschedulableNow.size(),
            podsEverUnschedulable,
            unschedulableReasons,
            evictions.size());
  }
}
