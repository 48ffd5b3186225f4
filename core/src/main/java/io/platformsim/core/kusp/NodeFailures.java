package io.platformsim.core.kusp;

import io.platformsim.core.platform.CommonStreams;
import io.platformsim.core.platform.Failure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Injected node failures: a node, some nodes running a service (the nodes of the pods at the
 * instance ranks drawn from the shared {@link CommonStreams#victimRanks}, so LeSP on the same seed
 * hits the same ranks), or a whole zone stop responding. A crashed node's kubelet stops and it
 * renews its lease no more; the {@link NodeLifecycleController}'s monitor passes notice it a grace
 * period later (k/k v1.31 {@code pkg/controller/nodelifecycle/node_lifecycle_controller.go} {@code
 * monitorNodeHealth}). A zone that went down stays down: replacement instances go to the other
 * zones. Crashed nodes never come back.
 */
final class NodeFailures {
  private final Cluster c;
  private final CommonStreams common;
  // zones taken down, in the order they went down
  private final List<String> downZones = new ArrayList<>();

  NodeFailures(Cluster c, CommonStreams common) {
    this.c = c;
    this.common = common;
  }

  /** Whether {@code n} runs: responsive, neither provisioning nor gone. */
  static boolean running(Node n) {
    return n.responsive && n.state != NodeState.GONE && n.state != NodeState.PROVISIONING;
  }

  /**
   * {@code failure.count()} distinct running nodes with a live pod of its service stop responding:
   * the nodes of the pods at the shared instance ranks ({@link CommonStreams#crashRanks}: the
   * failure's own ranks, else drawn), rank r naming the r-th live pod of the service on a running
   * node in creation order ({@link Failure#byRank}).
   */
  void crashNodesRunning(Failure failure) {
    String service = failure.service();
    int count = failure.count();
    List<Pod> instances = new ArrayList<>();
    List<Node> hosts = new ArrayList<>();
    for (Node n : c.nodes) {
      if (running(n)) {
        for (Pod p : n.pods) {
          if (!p.daemon() && p.service().equals(service) && !p.terminating()) {
            instances.add(p);
            if (hosts.isEmpty() || hosts.get(hosts.size() - 1) != n) {
              hosts.add(n);
            }
          }
        }
      }
    }
    String what = "responsive nodes running '" + service + "'";
    if (count > hosts.size()) { // before drawing: a refused failure draws nothing
      throw new IllegalArgumentException(
          "failure count " + count + " is above the " + hosts.size() + " " + what);
    }
    instances.sort(Comparator.comparingInt(p -> p.seq));
    List<Integer> ranks = common.crashRanks(failure, c.deployment(service).service.instances());
    for (Node n : Failure.byRank(instances, ranks, p -> p.node, what)) {
      crash(n);
    }
  }

  /**
   * The node named {@code name} stops responding now.
   *
   * @throws IllegalArgumentException for an unknown node or one not running
   */
  void crashNode(String name) {
    Node n = c.nodesByName.get(name);
    if (n == null) {
      throw new IllegalArgumentException("unknown node '" + name + "'");
    }
    if (!running(n)) {
      throw new IllegalArgumentException(
          "node '" + name + "' is not running (state " + n.state + ")");
    }
    crash(n);
  }

  /**
   * Every running node in {@code zone} stops responding; replacements go to the other zones.
   *
   * @throws IllegalArgumentException for an unknown zone
   */
  void crashZone(String zone) {
    if (!c.config.zones().contains(zone)) {
      throw new IllegalArgumentException("unknown zone '" + zone + "'; zones: " + c.config.zones());
    }
    if (!downZones.contains(zone)) {
      downZones.add(zone);
    }
    for (Node n : new ArrayList<>(c.nodes)) {
      if (n.zone.equals(zone) && running(n)) {
        crash(n);
      }
    }
  }

  /**
   * {@code n} stops responding now: its kubelet stops and it renews its lease no more; the monitor
   * passes notice it a grace period after they last saw a heartbeat.
   */
  void crash(Node n) {
    n.responsive = false;
    n.crashedAt = c.sim.now();
    c.kubelet.stop(n);
    c.nodeLifecycle.monitorSoon();
  }

  /** The zones taken down so far, in that order (a read-only view). */
  List<String> downZones() {
    return Collections.unmodifiableList(downZones);
  }

  @Override
  public String toString() {
    return "NodeFailures[down zones " + downZones + "]";
  }
}
