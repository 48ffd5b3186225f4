package io.platformsim.core.kusp;

import io.platformsim.core.workload.Resources;
import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.cluster.Taint;
import io.platformsim.scheduler.placement.Policies;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.resource.DimensionRegistry;
import io.platformsim.scheduler.simulator.BinpackingEstimator;
import io.platformsim.scheduler.simulator.ClusterSnapshot;
import io.platformsim.scheduler.simulator.HintingSimulator;
import io.platformsim.scheduler.simulator.NodeTemplate;
import io.platformsim.scheduler.simulator.NodeUtilization;
import io.platformsim.scheduler.simulator.PredicateChecker;
import io.platformsim.scheduler.simulator.RemovalSimulator;
import io.platformsim.scheduler.simulator.ScheduledPod;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The cluster autoscaler ({@link ClusterAutoscaling}), after kubernetes/autoscaler
 * cluster-autoscaler 1.31 {@code core/static_autoscaler.go} {@code RunOnce}, one loop every {@code
 * scanInterval}. Every fit it decides runs the scheduler profile's own filter plugins through
 * {@code io.platformsim.scheduler.simulator} (upstream {@code
 * simulator/predicatechecker/schedulerbased.go}), so taints, node affinity, topology spread,
 * anti-affinity and every resource count exactly as the scheduler counts them.
 *
 * <p><b>Scale-up.</b> The unschedulable pods, higher priority first, are placed on a {@link
 * ClusterSnapshot} of the scheduler's table to which each node still provisioning was added from
 * the node template ({@code RunOnce}, {@code addUpcomingNodesToClusterSnapshot}); the pods that fit
 * there are dropped ({@code core/podlistprocessor/filter_out_schedulable.go} {@code
 * filterOutSchedulableByPacking}) and stay placed in the snapshot. For each {@link NodePool} below
 * its max the {@link BinpackingEstimator} packs the rest onto new nodes of the pool's template
 * ({@code estimator/binpacking_estimator.go} {@code Estimate}; {@code
 * core/scaleup/orchestrator/orchestrator.go} {@code ComputeExpansionOption}): an {@link
 * ExpansionOption} if it placed any pod. The configured {@link Expander} picks one ({@code
 * ScaleUp}: {@code ExpanderStrategy.BestOption}); its nodes are requested in its pool, capped at
 * the pool's {@code maxNodes} minus its nodes not gone. A scale-up ends the loop; without one the
 * loop goes on to scale-down ({@code RunOnce}: "No scale down in this iteration" only after a
 * successful scale-up). The template is the first Ready, uncordoned node joined more than a minute
 * ago, else the last template built, as upstream {@code
 * processors/nodeinfosprovider/mixed_nodeinfos_processor.go} {@code Process} with {@code
 * isNodeGoodTemplateCandidate} and its cache: that node's labels (zone included), taints,
 * allocatable and DaemonSet pods. Before any node qualifies, the pool's node type's allocatable
 * minus the DaemonSets' requests, with the pool's labels and taints and without DaemonSet pods,
 * stands in for the cloud provider's template.
 *
 * <p><b>Scale-down</b>, in a loop without scale-up, {@code delayAfterAdd} after the last scale-up
 * ({@code isScaleDownInCooldown}): a Ready, responsive node whose utilization, the larger of CPU
 * and memory requests ÷ allocatable with DaemonSet pods counted ({@link NodeUtilization}, {@code
 * simulator/utilization/info.go} {@code Calculate}), is below the threshold ({@code
 * core/scaledown/eligibility/eligibility.go}) for {@code unneeded} ({@code
 * core/scaledown/unneeded/nodes.go}) is drained if all its application pods fit on the other
 * registered nodes ({@link RemovalSimulator}, {@code simulator/cluster.go} {@code
 * SimulateNodeRemoval}): it is cordoned and its pods deleted, their controllers recreate them
 * elsewhere. A node whose pods do not fit starts its unneeded time again. The first such node in
 * request order, while its pool keeps more than its {@code minNodes}.
 *
 * <p>Simplified, against upstream: the unneeded time counts from when the node fell under the
 * threshold (restarting when a pod binds to it), the removal simulation runs only once it has
 * passed, and it is not counted during the cooldown (upstream simulates every candidate every loop,
 * cooldown or not, and counts only the time a node was also removable); at most one node is removed
 * per loop (upstream deletes up to {@code --max-empty-bulk-delete} 10 empty nodes at once and
 * {@code --max-scale-down-parallelism} 10 in all, empty ones first, and drains one non-empty node
 * at a time, {@code --max-drain-parallelism} 1); no PodDisruptionBudgets or other drainability
 * rules, no {@code --unremovable-node-recheck-timeout}; pods deleted by a drain and not yet
 * recreated are not put back into the snapshot ({@code injectRecentlyEvictedPods}); unready nodes
 * are left to the node lifecycle controller; a pool's new nodes go round robin over the zones while
 * its template carries one zone (as a multi-zone group's template does upstream), so pods spread
 * over zones may take more than one loop; no {@code --max-nodes-total}, no similar-node-group
 * balancing, no wait for very new pods. Filter-out-schedulable and the removal simulation scan
 * nodes lowest index first (the same fit as upstream's round robin, another choice among fitting
 * nodes, and far cheaper); the estimator scans round robin as upstream.
 */
final class ClusterAutoscaler {
  private final Cluster c;
  // lowest index first: the fast path for filter-out-schedulable and the removal simulations
  private final HintingSimulator hinting;
  private final BinpackingEstimator estimator;
  // each pool's last template, by pool index
  private final NodeTemplate[] templates;
  // the random expander's draws (and least-waste's among ties)
  private final RandomGenerator expanderDraws;
  private long lastScaleUp = Long.MIN_VALUE / 2;

  ClusterAutoscaler(Cluster c, RandomGenerator expanderDraws) {
    this.c = c;
    this.templates = new NodeTemplate[c.pools.size()];
    this.expanderDraws = expanderDraws;
    // the scheduler's own profile, so its filters decide every fit (one profile object per checker)
    String profile = c.config.schedulerProfile();
    this.hinting =
        new HintingSimulator(
            PredicateChecker.of(
                Policies.profile(profile), PredicateChecker.ScanOrder.LOWEST_INDEX));
    this.estimator =
        new BinpackingEstimator(
            PredicateChecker.of(Policies.profile(profile)),
            BinpackingEstimator.DEFAULT_MAX_NODES_PER_SCALE_UP);
  }

  /** Starts the scan loop (once, when the configuration has a cluster autoscaler). */
  void start() {
    c.sim.schedule(c.config.clusterAutoscaling().scanIntervalMillis(), this::scan);
  }

  private void scan() {
    ClusterAutoscaling ca = c.config.clusterAutoscaling();
    long now = c.sim.now();
    int[] live = new int[c.pools.size()];
    int[] upcoming = new int[c.pools.size()];
    for (Node n : c.nodes) {
      if (n.state != NodeState.GONE) {
        live[n.poolIndex]++;
      }
      if (n.state == NodeState.PROVISIONING) {
        upcoming[n.poolIndex]++;
      }
    }
    ClusterSnapshot snapshot = null;
    List<PodSpec> pending = pendingPods();
    boolean scaledUp = false;
    if (!pending.isEmpty()) {
      snapshot = ClusterSnapshot.of(c.table);
      NodeTemplate[] templates = new NodeTemplate[c.pools.size()];
      int u = 0;
      for (int p = 0; p < templates.length; p++) {
        templates[p] = template(p, now);
        for (int i = 0; i < upcoming[p]; i++) {
          snapshot.addNode(templates[p], "upcoming-" + u++);
        }
      }
      List<PodSpec> rest = unplaced(snapshot, pending, hinting);
      List<ExpansionOption> options =
          rest.isEmpty() ? List.of() : options(snapshot, rest, templates, live);
      if (!options.isEmpty()) {
        Expander expander = c.config.expander();
        int size = expander == Expander.PRICE ? registeredNodes() : 0;
        ExpansionOption best = expander.best(options, size, expanderDraws);
        // capped at the pool's max size (orchestrator.go ScaleUp, before executing it)
        int add =
            Math.min(best.nodeCount(), c.pools.get(best.pool()).maxNodes() - live[best.pool()]);
        for (int i = 0; i < add; i++) {
          c.nodeLifecycle.provisionNode(best.pool());
        }
        if (add > 0) {
          lastScaleUp = now;
          scaledUp = true;
        }
      }
    }
    if (!scaledUp) {
      scaleDown(snapshot, ca, now, live);
    }
    c.sim.schedule(ca.scanIntervalMillis(), this::scan);
  }

  /**
   * One expansion option per pool below its max whose template takes some of {@code rest}: the
   * estimator's node count and the pods it placed (upstream
   * core/scaleup/orchestrator/orchestrator.go {@code ScaleUp}: {@code filterValidScaleUpNodeGroups}
   * skips groups at max size, {@code ComputeExpansionOption} runs the estimator per group, options
   * without pods are dropped).
   */
  private List<ExpansionOption> options(
      ClusterSnapshot snapshot, List<PodSpec> rest, NodeTemplate[] templates, int[] live) {
    List<ExpansionOption> options = new ArrayList<>();
    for (int p = 0; p < templates.length; p++) {
      NodePool pool = c.pools.get(p);
      if (live[p] >= pool.maxNodes()) {
        continue;
      }
      BinpackingEstimator.Estimate e = estimator.estimatePods(snapshot.nodes(), rest, templates[p]);
      if (e.nodeCount() > 0 && !e.scheduledPods().isEmpty()) {
        long cpu = 0;
        long memoryBytes = 0;
        for (PodSpec pod : e.scheduledPods()) {
          cpu += pod.request(DimensionRegistry.CPU);
          memoryBytes += pod.request(DimensionRegistry.MEMORY);
        }
        options.add(
            new ExpansionOption(
                p,
                pool.nodeType(),
                e.nodeCount(),
                e.scheduledPods().size(),
                Resources.of(cpu, Resources.mibOfBytes(memoryBytes))));
      }
    }
    return options;
  }

  // Registered nodes (joined, not gone): the price expander's cluster size (its node lister).
  private int registeredNodes() {
    int n = 0;
    for (Node node : c.nodesByIndex) {
      if (NodeLifecycleController.registered(node)) {
        n++;
      }
    }
    return n;
  }

  /**
   * New nodes of {@code template} that {@code pending} need on top of {@code snapshot}: the pods
   * that fit its nodes (registered and upcoming) are placed there, in order, and stay placed
   * (upstream filter_out_schedulable.go {@code filterOutSchedulableByPacking}); the estimator packs
   * the rest onto new nodes.
   */
  static int nodesNeeded(
      ClusterSnapshot snapshot,
      List<PodSpec> pending,
      NodeTemplate template,
      HintingSimulator hinting,
      BinpackingEstimator estimator) {
    List<PodSpec> rest = unplaced(snapshot, pending, hinting);
    return rest.isEmpty()
        ? 0
        : estimator.estimatePods(snapshot.nodes(), rest, template).nodeCount();
  }

  /**
   * Places the pods of {@code pending} that fit the nodes of {@code snapshot} (registered and
   * upcoming), in order, where they stay (upstream filter_out_schedulable.go {@code
   * filterOutSchedulableByPacking}), and returns the others in order.
   */
  static List<PodSpec> unplaced(
      ClusterSnapshot snapshot, List<PodSpec> pending, HintingSimulator hinting) {
    List<ScheduledPod> placed = hinting.trySchedulePods(snapshot, pending, n -> true, false);
    if (placed.size() == pending.size()) {
      return List.of();
    }
    Set<PodSpec> fit = Collections.newSetFromMap(new IdentityHashMap<>());
    for (ScheduledPod s : placed) {
      fit.add(s.pod());
    }
    List<PodSpec> rest = new ArrayList<>(pending.size() - placed.size());
    for (PodSpec p : pending) {
      if (!fit.contains(p)) {
        rest.add(p);
      }
    }
    return rest;
  }

  // The unschedulable application pods, higher priority first, then in the order they were parked
  // (filter_out_schedulable.go sorts by priority; a stable sort keeps the rest as it was).
  private List<PodSpec> pendingPods() {
    if (c.queue.unschedulable().isEmpty()) {
      return List.of();
    }
    List<Pod> waiting = new ArrayList<>();
    for (Pod p : c.queue.unschedulable()) {
      if (!p.daemon()) {
        waiting.add(p);
      }
    }
    waiting.sort(Comparator.comparingInt((Pod p) -> -p.priority()));
    List<PodSpec> specs = new ArrayList<>(waiting.size());
    for (Pod p : waiting) {
      specs.add(p.spec);
    }
    return specs;
  }

  /**
   * One node at a time, out of the cooldown: the first Ready, responsive node (in request order)
   * under the threshold for {@code unneeded} whose pods all fit elsewhere is drained. The
   * simulation runs on {@code given} (the scan's snapshot, pending pods placed) or a fresh one,
   * made only once a node is due.
   */
  private void scaleDown(ClusterSnapshot given, ClusterAutoscaling ca, long now, int[] live) {
    if (now - lastScaleUp < ca.delayAfterAddMillis()) {
      return;
    }
    ClusterSnapshot snapshot = given;
    int registered = c.table.size();
    for (Node n : c.nodes) {
      if (n.state != NodeState.READY || !n.responsive) {
        continue;
      }
      if (NodeUtilization.of(c.table, n.index, p -> false, false).utilization()
          >= ca.utilizationThreshold()) {
        n.unneededSince = -1;
        continue;
      }
      if (n.unneededSince < 0) {
        n.unneededSince = now;
      }
      if (now - n.unneededSince >= ca.unneededMillis()
          && live[n.poolIndex] > c.pools.get(n.poolIndex).minNodes()) {
        // an empty node (DaemonSet pods only) has nothing to move: no copy needed to know it goes
        boolean goes = !hasApplicationPods(n);
        if (!goes) {
          if (snapshot == null) {
            snapshot = ClusterSnapshot.of(c.table);
          }
          goes = removable(snapshot, n, registered);
        }
        if (goes) {
          drain(n);
          break;
        }
        // Unremovable: no longer unneeded (upstream planner.go categorizeNodes keeps only the
        // removable ones); the time starts again at the next scan that finds it under the
        // threshold.
        n.unneededSince = -1;
      }
    }
  }

  private static boolean hasApplicationPods(Node n) {
    for (Pod p : n.pods) {
      if (!p.daemon()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether every application pod of {@code n} fits on another registered node of {@code snapshot}
   * (upstream simulator/cluster.go {@code SimulateNodeRemoval}; nodes added to the snapshot for
   * upcoming ones, indices from {@code registered} on, are no destination, as upstream's
   * podDestinations are the registered nodes). DaemonSet pods go with the node.
   */
  private boolean removable(ClusterSnapshot snapshot, Node n, int registered) {
    Set<PodSpec> daemons = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Pod p : n.pods) {
      if (p.daemon()) {
        daemons.add(p.spec);
      }
    }
    RemovalSimulator removals =
        new RemovalSimulator(snapshot, hinting, daemons::contains, p -> false);
    return removals.simulateNodeRemoval(n.index, d -> d < registered).removable();
  }

  /**
   * The node template of pool {@code pool}: the first Ready, uncordoned node of the pool that
   * joined more than {@value ClusterAutoscaling#TEMPLATE_STABILIZATION_MILLIS} ms ago (upstream
   * {@code isNodeGoodTemplateCandidate}: ready, schedulable, stable), sanitized to a template named
   * {@code template} with its DaemonSet pods; else the last one found; else the pool's node type's
   * room for pods with the pool's labels and taints (the cloud provider's template).
   */
  private NodeTemplate template(int pool, long now) {
    NodeTemplate template = templates[pool];
    for (Node n : c.nodesByIndex) {
      if (n.poolIndex == pool
          && Cluster.schedulable(n)
          && n.responsive
          && n.joinedAt + ClusterAutoscaling.TEMPLATE_STABILIZATION_MILLIS < now) {
        NodeSpec s = c.table.node(n.index);
        if (template == null || !sameShape(template.node(), s)) {
          List<PodSpec> daemonPods = new ArrayList<>();
          for (Pod p : n.pods) {
            if (p.daemon()) {
              daemonPods.add(p.spec);
            }
          }
          HashMap<String, String> labels = new HashMap<>(s.labels());
          labels.remove(NodeSpec.HOSTNAME);
          template =
              new NodeTemplate(
                  new NodeSpec("template", s.allocatable(), labels, s.taints(), false, s.images()),
                  daemonPods);
          templates[pool] = template;
        }
        return template;
      }
    }
    if (template == null) {
      NodePool p = c.pools.get(pool);
      Resources forPods = c.config.allocatableForPods(p);
      NodeSpec.Builder b =
          NodeSpec.builder("template", c.registry)
              .allocatable("cpu", forPods.milliCpu())
              .allocatable("memory", forPods.memoryBytes())
              .allocatable("pods", p.nodeType().maxPods() - c.config.daemonSets().size())
              .zone(c.config.zones().get(0));
      p.nodeLabels().forEach(b::label);
      for (Taint t : p.taints()) {
        b.taint(t.key(), t.value(), t.effect());
      }
      template = NodeTemplate.of(b.build());
      templates[pool] = template;
    }
    return template;
  }

  // Whether a template built from s would equal t's node (every node of the group is alike, so the
  // template is built once and kept while the first good node shows the same labels and room).
  private static boolean sameShape(NodeSpec t, NodeSpec s) {
    for (int r = 0; r < t.allocatable().registry().size(); r++) {
      if (t.allocatable().get(r) != s.allocatable().get(r)) {
        return false;
      }
    }
    HashMap<String, String> labels = new HashMap<>(s.labels());
    labels.remove(NodeSpec.HOSTNAME);
    labels.put(NodeSpec.HOSTNAME, "template");
    return t.labels().equals(labels) && t.taints().equals(s.taints());
  }

  /** Cordons {@code n} and deletes its application pods; the node goes when they are gone. */
  private void drain(Node n) {
    c.recorder.setNodeState(n, NodeState.DRAINING);
    c.nodeLifecycle.block(n);
    c.stranded.update(n);
    boolean any = false;
    for (Pod p : new ArrayList<>(n.pods)) {
      if (!p.daemon()) {
        any = true;
        c.kubelet.deletePod(p, PodPhase.SUCCEEDED);
      }
    }
    if (!any && n.state == NodeState.DRAINING) {
      c.nodeLifecycle.removeNode(n);
    }
  }

  @Override
  public String toString() {
    return "ClusterAutoscaler[last scale-up at "
        + (lastScaleUp < 0 ? "never" : lastScaleUp + " ms")
        + ", templates "
        + java.util.Arrays.toString(templates)
        + "]";
  }
}
