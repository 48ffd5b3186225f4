package io.platformsim.scheduler.preemption;

import io.platformsim.scheduler.framework.CycleState;
import io.platformsim.scheduler.framework.FilterPlugin;
import io.platformsim.scheduler.framework.Profile;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.state.BoundPod;
import io.platformsim.scheduler.state.NodeTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * DefaultPreemption for a pod that fits nowhere (v1.31).
 *
 * <ol>
 *   <li>Dry run per node in index order: remove every pod of lower priority; if the pod still does
 *       not pass all of the profile's filters, the node is no candidate (this also rules out nodes
 *       failing unresolvable filters such as taints or node affinity). Otherwise sort the removed
 *       pods by importance (priority descending, then bind order), split them into those whose
 *       eviction would violate a disruption budget and the rest, and reprieve them in that order:
 *       add each back and keep it if the pod still fits, else it is a victim ({@code
 *       SelectVictimsOnNode} in default_preemption.go).
 *   <li>Stop once at least one candidate without budget violations exists and the candidates number
 *       {@code max(10 % of nodes, 100)} capped at the node count (calculateNumCandidates; upstream
 *       starts at a random offset, here at node 0 for determinism).
 *   <li>Choose ({@code pickOneNodeForPreemption}): a node needing no victims; else fewest budget
 *       violations, then lowest highest-victim priority, then smallest Σ(priority + 2^31), then
 *       fewest victims, then the latest-bound highest-priority victim (upstream: latest start
 *       time), then the first.
 * </ol>
 *
 * The dry run unbinds and rebinds pods on the table and restores it exactly before returning.
 * Nominated pods, preemptionPolicy Never and graceful termination are left to the caller.
 */
public final class Preemptor {
  /** Upstream minCandidateNodesPercentage. */
  public static final int MIN_CANDIDATE_NODES_PERCENTAGE = 10;

  /** Upstream minCandidateNodesAbsolute. */
  public static final int MIN_CANDIDATE_NODES_ABSOLUTE = 100;

  private final NodeTable nodes;
  private final Profile profile;

  /** A preemptor that judges fit with {@code profile}'s filters. */
  public Preemptor(NodeTable nodes, Profile profile) {
    this.nodes = nodes;
    this.profile = profile;
  }

  private record Candidate(int node, List<PodSpec> victims, List<Long> victimSeq, int violations) {}

  /** calculateNumCandidates. */
  public static int numCandidates(int numNodes) {
    int n = numNodes * MIN_CANDIDATE_NODES_PERCENTAGE / 100;
    if (n < MIN_CANDIDATE_NODES_ABSOLUTE) {
      n = MIN_CANDIDATE_NODES_ABSOLUTE;
    }
    return Math.min(n, numNodes);
  }

  /**
   * Plans preemption for an unbound {@code pod}; does not change the table.
   *
   * @param budgets disruption budgets of the bound pods
   * @throws IllegalArgumentException if the pod is already bound
   */
  public PreemptionPlan plan(PodSpec pod, List<DisruptionBudget> budgets) {
    if (nodes.nodeOf(pod.id()) >= 0) {
      throw new IllegalArgumentException("preempt: pod '" + pod.id() + "' is already bound");
    }
    int n = nodes.size();
    int wanted = numCandidates(n);
    List<Candidate> candidates = new ArrayList<>();
    int nonViolating = 0;
    int evaluated = 0;
    for (int node = 0; node < n; node++) {
      evaluated++;
      Candidate c = selectVictims(pod, node, budgets);
      if (c == null) {
        continue;
      }
      candidates.add(c);
      if (c.violations == 0) {
        nonViolating++;
      }
      if (nonViolating > 0 && candidates.size() >= wanted) {
        break;
      }
    }
    if (candidates.isEmpty()) {
      return PreemptionPlan.none(pod.id(), evaluated);
    }
    Candidate best = pick(candidates);
    return new PreemptionPlan(
        pod.id(), best.node, nodes.name(best.node), best.victims, best.violations, evaluated);
  }

  /** Evicts the plan's victims and binds the pod (the simulator may instead delay the bind). */
  public void apply(PodSpec pod, PreemptionPlan plan) {
    if (!plan.isPossible()) {
      throw new IllegalArgumentException("apply: plan for pod '" + plan.podId() + "' has no node");
    }
    for (PodSpec v : plan.victims()) {
      nodes.unbind(v.id());
    }
    nodes.bind(pod, plan.node());
  }

  private boolean fits(PodSpec pod, int node) {
    CycleState s = new CycleState(pod, nodes);
    for (FilterPlugin f : profile.filters()) {
      f.preFilter(s);
    }
    for (FilterPlugin f : profile.filters()) {
      if (!f.filter(s, node).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private Candidate selectVictims(PodSpec pod, int node, List<DisruptionBudget> budgets) {
    List<PodSpec> lower = new ArrayList<>();
    java.util.Map<String, BoundPod> previous = new java.util.HashMap<>();
    for (PodSpec p : nodes.pods(node)) {
      if (p.priority() < pod.priority()) {
        lower.add(p);
      }
    }
    if (lower.isEmpty()) {
      return null; // nothing to evict: the pod does not fit here (it is unschedulable) and cannot
      // be helped
    }
    for (PodSpec p : lower) {
      previous.put(p.id(), nodes.unbind(p.id()));
    }
    List<PodSpec> victims = new ArrayList<>();
    int violations = 0;
    try {
      if (!fits(pod, node)) {
        return null;
      }
      // MoreImportantPod: higher priority first; equal priority keeps bind order (list order)
      List<PodSpec> sorted = new ArrayList<>(lower);
      sorted.sort(Comparator.comparingInt(PodSpec::priority).reversed());
      int[] allowed = new int[budgets.size()];
      for (int i = 0; i < allowed.length; i++) {
        allowed[i] = budgets.get(i).disruptionsAllowed();
      }
      List<PodSpec> violating = new ArrayList<>();
      List<PodSpec> nonViolating = new ArrayList<>();
      for (PodSpec p : sorted) {
        boolean violated = false;
        if (!p.labels().isEmpty()) {
          for (int i = 0; i < allowed.length; i++) {
            DisruptionBudget b = budgets.get(i);
            if (b.selector().requirements().isEmpty() || !b.selector().matches(p.labels())) {
              continue;
            }
            allowed[i]--;
            if (allowed[i] < 0) {
              violated = true;
            }
          }
        }
        (violated ? violating : nonViolating).add(p);
      }
      for (PodSpec p : violating) {
        if (!reprieve(pod, previous.get(p.id()), victims)) {
          violations++;
        }
      }
      for (PodSpec p : nonViolating) {
        reprieve(pod, previous.get(p.id()), victims);
      }
    } finally {
      // restore every evicted pod with its original sequence and list position
      for (PodSpec p : lower) {
        if (nodes.nodeOf(p.id()) < 0) {
          nodes.restore(previous.get(p.id()));
        }
      }
    }
    victims.sort(Comparator.comparingInt(PodSpec::priority).reversed());
    List<Long> seq = new ArrayList<>();
    for (PodSpec v : victims) {
      seq.add(previous.get(v.id()).sequence());
    }
    return new Candidate(node, victims, seq, violations);
  }

  /**
   * Adds {@code p} back; if the preemptor no longer fits, removes it again and records a victim.
   */
  private boolean reprieve(PodSpec pod, BoundPod p, List<PodSpec> victims) {
    nodes.restore(p);
    if (fits(pod, p.node())) {
      return true;
    }
    nodes.unbind(p.pod().id());
    victims.add(p.pod());
    return false;
  }

  private static Candidate pick(List<Candidate> cs) {
    for (Candidate c : cs) {
      if (c.victims.isEmpty()) {
        return c;
      }
    }
    Comparator<Candidate> cmp =
        Comparator.<Candidate>comparingInt(c -> c.violations)
            .thenComparingInt(c -> c.victims.get(0).priority())
            .thenComparingLong(
                c -> {
                  long sum = 0;
                  for (PodSpec v : c.victims) {
                    sum += (long) v.priority() + (1L << 31);
                  }
                  return sum;
                })
            .thenComparingInt(c -> c.victims.size())
            .thenComparing(Comparator.<Candidate>comparingLong(c -> c.victimSeq.get(0)).reversed());
    Candidate best = cs.get(0);
    for (Candidate c : cs) {
      if (cmp.compare(c, best) < 0) {
        best = c;
      }
    }
    return best;
  }
}
