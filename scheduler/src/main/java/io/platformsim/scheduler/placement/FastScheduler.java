package io.platformsim.scheduler.placement;

import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.cluster.Taint;
import io.platformsim.scheduler.cluster.TaintEffect;
import io.platformsim.scheduler.framework.CycleState;
import io.platformsim.scheduler.framework.FilterPlugin;
import io.platformsim.scheduler.framework.Normalize;
import io.platformsim.scheduler.framework.Profile;
import io.platformsim.scheduler.framework.ScorePlugin;
import io.platformsim.scheduler.framework.WeightedScorer;
import io.platformsim.scheduler.plugins.BalancedAllocationScorer;
import io.platformsim.scheduler.plugins.DotProductAlignmentScorer;
import io.platformsim.scheduler.plugins.ImageLocalityScorer;
import io.platformsim.scheduler.plugins.InterPodAntiAffinityFilter;
import io.platformsim.scheduler.plugins.LeastAllocatedScorer;
import io.platformsim.scheduler.plugins.MostAllocatedScorer;
import io.platformsim.scheduler.plugins.NodeAffinityFilter;
import io.platformsim.scheduler.plugins.NodeAffinityScorer;
import io.platformsim.scheduler.plugins.NodeResourcesFitFilter;
import io.platformsim.scheduler.plugins.NodeUnschedulableFilter;
import io.platformsim.scheduler.plugins.PodTopologySpreadFilter;
import io.platformsim.scheduler.plugins.PodTopologySpreadScorer;
import io.platformsim.scheduler.plugins.RequestedToCapacityRatioScorer;
import io.platformsim.scheduler.plugins.ResourceWeight;
import io.platformsim.scheduler.plugins.TaintTolerationFilter;
import io.platformsim.scheduler.plugins.TaintTolerationScorer;
import io.platformsim.scheduler.pod.AntiAffinityTerm;
import io.platformsim.scheduler.pod.Container;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.pod.PreferredTerm;
import io.platformsim.scheduler.pod.SpreadConstraint;
import io.platformsim.scheduler.pod.Toleration;
import io.platformsim.scheduler.pod.WhenUnsatisfiable;
import io.platformsim.scheduler.resource.DimensionRegistry;
import io.platformsim.scheduler.state.BoundPod;
import io.platformsim.scheduler.state.NodeTable;
import io.platformsim.scheduler.state.PodCounts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fast path: the same decisions as {@link ReferenceScheduler} (same node, total score and
 * feasible-node count, property-tested for every profile, full scan and adaptive sampling, under
 * churn and cluster growth), computed over the node table's primitive arrays.
 *
 * <ul>
 *   <li>The profile is compiled once: known plugins become switch cases; unknown plugins are called
 *       through their interfaces. Filters are ANDed in any order, which cannot change the feasible
 *       set (only the reasons, which come from the reference filters when nothing fits).
 *   <li><b>Equivalent pods.</b> Pods without tolerations, node affinity, hard spread or
 *       anti-affinity constraints are grouped by request vector (up to {@value #MAX_CLASSES}
 *       classes). Per class and node the feasibility and the resource-score part (LeastAllocated,
 *       MostAllocated, RequestedToCapacityRatio, BalancedAllocation) are cached, validated by the
 *       node's version, so after a bind, unbind, cordon or uncordon only the touched node is
 *       recomputed.
 *   <li><b>Bucket index.</b> For resource-only profiles with a full scan, each class also keeps its
 *       feasible nodes in one intrusive list per total score plus a bitset, brought up to date by
 *       replaying the table's change journal; a placement then reads the best non-empty bucket and
 *       hashes only the nodes tied in it. No scan at all.
 *   <li>With adaptive sampling (scan order matters) resource-only profiles fuse filter, score and
 *       selection into one loop; other profiles filter in one loop, then run one tight loop per
 *       scorer and normalization.
 *   <li>Spread and anti-affinity read the table's incrementally maintained per-selector counts and
 *       topology-domain ids instead of walking every pod; image scores are precomputed per image.
 *   <li>Tie-break hashes are computed only for nodes that tie the best total so far.
 * </ul>
 *
 * Not thread-safe; per-call allocation is limited to the constraint state of pods that have
 * constraints and a few small arrays for the normalizing scorers.
 */
public final class FastScheduler implements Scheduler {
  private static final long INFEASIBLE = Long.MIN_VALUE;
  private static final int MAX_CLASSES = 16;
  private static final int LEAST = 0,
      MOST = 1,
      RTCR = 2,
      BALANCED = 3,
      TETRIS = 4,
      IMAGE = 5,
      TAINT = 6,
      AFFINITY = 7,
      SPREAD = 8,
      GENERIC = 9;

  private final NodeTable nodes;
  private final Profile profile;
  private final NodeSampling sampling;
  private final long seed;
  private final int dims;
  private int nextStartNodeIndex;

  private boolean fUnsched;
  private boolean fTaint;
  private boolean fAffinity;
  private boolean fFit;
  private boolean fSpread;
  private boolean fAnti;
  private final List<FilterPlugin> genericFilters = new ArrayList<>();

  private final int nScorers;
  private final int[] kind;
  private final long[] weight;
  private final ScorePlugin[] plugin;
  private final int[][] resDims;
  private final long[][] resWeights;
  private final long[][] podResReq;
  private final double[][] fractions;
  private final long[][] shapeUtil;
  private final long[][] shapeScore;
  private final boolean resourceOnly;

  private long structureVersion = -1;
  private long[] nameHash = new long[0];
  private Taint[][] hardTaints = new Taint[0][];
  // whether any node has a NoSchedule/NoExecute taint: without one the taint filter never rejects
  private boolean anyHardTaint;
  private Taint[][] preferTaints = new Taint[0][];
  private boolean anyPreferTaint;
  private final Map<String, long[]> scaledImageScores = new HashMap<>();
  private int[] feasible = new int[0];
  private long[] totals = new long[0];
  // Score every scored node gets alike (a scorer with nothing to tell nodes apart): added once
  // to the winner's total instead of to every node's, which changes neither the argmax nor ties.
  private long sharedScore;
  // the per-node image scores of the pod's cached images, one row per image (imageScores)
  private long[][] imageScratch = new long[0][];
  private long[] raw = new long[0];
  private final long[] podReq;
  private final int[] reqDims;
  private int reqDimCount;
  private final ClassCache[] classes = new ClassCache[MAX_CLASSES];
  private final BucketIndex[] indexes = new BucketIndex[MAX_CLASSES];
  private int indexCount;
  private int indexVictim;
  private final long maxTotal;
  private int classCount;
  private int classVictim;

  // per-pod constraint state (allocated only for pods with constraints)
  private PodSpec pod;
  private boolean podToleratesUnsched;
  private boolean podHasAffinity;
  private boolean[] affinityOk;
  private int spreadCount;
  private int[][] spreadIds;
  private long[][] spreadCounts;
  private long[] spreadMin;
  private long[] spreadSelf;
  private int[] spreadSkew;
  private int antiCount;
  private int[][] antiIds;
  private boolean[][] antiHas;
  private int forbCount;
  // whether the profile's filters keep the upstream order (the fast diagnosis relies on it)
  private boolean canonicalFilters = true;
  // all zeros between uses (spreadScores adds a selector's counts and subtracts them again)
  private int[] hostScratch = new int[0];
  // scoring spread constraints and their live counts per label set (pods without their own
  // constraints)
  private final HashMap<Map<String, String>, DefaultSpread> defaultSpread = new HashMap<>();

  private record DefaultSpread(List<SpreadConstraint> constraints, PodCounts[] counts) {}

  private int[][] forbIds;
  private boolean[][] forbDom;
  private CycleState genericState;
  // scratch reused across calls so the hot path allocates (almost) nothing: big per-call arrays
  // would otherwise drive young collections whose cost grows with the live pod set
  private boolean[] affinityScratch = new boolean[0];
  private boolean[] ignoredScratch = new boolean[0];
  private boolean[][] presentScratch = new boolean[0][];
  private long[][] countsScratch = new long[0][];
  private double[] accScratch = new double[0];

  private static final class ClassCache {
    final long[] req;
    final long nzCpu;
    final long nzMem;
    // per node: its table version + 1 when cached (0: never), and the class's total there
    // (INFEASIBLE_CACHED: infeasible); ints, half the memory of longs, and exact because a
    // version or total that does not fit an int is simply not cached (see cachedTotal)
    int[] version;
    int[] total;

    ClassCache(long[] req, long nzCpu, long nzMem, int n) {
      this.req = req;
      this.nzCpu = nzCpu;
      this.nzMem = nzMem;
      this.version = new int[n];
      this.total = new int[n];
    }
  }

  private static final int INFEASIBLE_CACHED = Integer.MIN_VALUE;

  /**
   * The class's feasibility and resource-score part on {@code node} ({@link #INFEASIBLE} if it does
   * not fit), from the cache while the node's version is unchanged.
   */
  private long cachedTotal(
      ClassCache cache, int node, long nodeVersion, long[] alloc, long[] req, long[] nz) {
    long v = nodeVersion + 1;
    boolean fits = v <= Integer.MAX_VALUE;
    if (fits && cache.version[node] == (int) v) {
      int t = cache.total[node];
      return t == INFEASIBLE_CACHED ? INFEASIBLE : t;
    }
    long t = basicFeasible(node, alloc, req) ? resourceTotal(node, alloc, req, nz) : INFEASIBLE;
    if (fits && (t == INFEASIBLE || (t > INFEASIBLE_CACHED && t <= Integer.MAX_VALUE))) {
      cache.version[node] = (int) v;
      cache.total[node] = t == INFEASIBLE ? INFEASIBLE_CACHED : (int) t;
    }
    return t;
  }

  /** A fast scheduler over {@code nodes}; {@code seed} drives the tie-break hash. */
  public FastScheduler(NodeTable nodes, Profile profile, NodeSampling sampling, long seed) {
    this.nodes = nodes;
    this.profile = profile;
    this.sampling = sampling;
    this.seed = seed;
    this.dims = nodes.dims();
    this.podReq = new long[dims];
    this.reqDims = new int[dims];
    int lastRank = -1;
    for (FilterPlugin f : profile.filters()) {
      int rank = canonicalRank(f);
      canonicalFilters &= rank > lastRank;
      lastRank = rank;
      if (f instanceof NodeUnschedulableFilter) {
        fUnsched = true;
      } else if (f instanceof TaintTolerationFilter) {
        fTaint = true;
      } else if (f instanceof NodeAffinityFilter) {
        fAffinity = true;
      } else if (f instanceof NodeResourcesFitFilter) {
        fFit = true;
      } else if (f instanceof PodTopologySpreadFilter) {
        fSpread = true;
      } else if (f instanceof InterPodAntiAffinityFilter) {
        fAnti = true;
      } else {
        genericFilters.add(f);
      }
    }
    List<WeightedScorer> ss = profile.scorers();
    nScorers = ss.size();
    kind = new int[nScorers];
    weight = new long[nScorers];
    plugin = new ScorePlugin[nScorers];
    resDims = new int[nScorers][];
    resWeights = new long[nScorers][];
    podResReq = new long[nScorers][];
    fractions = new double[nScorers][];
    shapeUtil = new long[nScorers][];
    shapeScore = new long[nScorers][];
    boolean onlyRes = genericFilters.isEmpty();
    for (int s = 0; s < nScorers; s++) {
      ScorePlugin p = ss.get(s).plugin();
      plugin[s] = p;
      weight[s] = ss.get(s).weight();
      List<ResourceWeight> rw = null;
      if (p instanceof LeastAllocatedScorer l) {
        kind[s] = LEAST;
        rw = l.resources();
      } else if (p instanceof MostAllocatedScorer m) {
        kind[s] = MOST;
        rw = m.resources();
      } else if (p instanceof RequestedToCapacityRatioScorer r) {
        kind[s] = RTCR;
        rw = r.resources();
        shapeUtil[s] = new long[101];
        shapeScore[s] = new long[101];
        // tabulate the shape once: utilization is always an integer in [0, 100]
        for (int u = 0; u <= 100; u++) {
          shapeScore[s][u] = r.shapeAt(u);
        }
      } else if (p instanceof BalancedAllocationScorer b) {
        kind[s] = BALANCED;
        rw = b.resources();
      } else if (p instanceof DotProductAlignmentScorer d) {
        kind[s] = TETRIS;
        rw = d.resources();
      } else if (p instanceof ImageLocalityScorer) {
        kind[s] = IMAGE;
      } else if (p instanceof TaintTolerationScorer) {
        kind[s] = TAINT;
      } else if (p instanceof NodeAffinityScorer) {
        kind[s] = AFFINITY;
      } else if (p instanceof PodTopologySpreadScorer) {
        kind[s] = SPREAD;
      } else {
        kind[s] = GENERIC;
      }
      if (kind[s] > BALANCED) {
        onlyRes = false;
      }
      if (rw != null) {
        resDims[s] = new int[rw.size()];
        resWeights[s] = new long[rw.size()];
        for (int i = 0; i < rw.size(); i++) {
          if (rw.get(i).dimension() >= dims) {
            throw new IllegalArgumentException(
                "scorer "
                    + p.name()
                    + ": dimension index "
                    + rw.get(i).dimension()
                    + " not in the cluster's registry "
                    + nodes.registry().names());
          }
          resDims[s][i] = rw.get(i).dimension();
          resWeights[s][i] = rw.get(i).weight();
        }
        podResReq[s] = new long[rw.size()];
        fractions[s] = new double[rw.size()];
      }
    }
    resourceOnly = onlyRes;
    long mt = 0;
    for (int s = 0; s < nScorers; s++) {
      mt += 100 * weight[s];
    }
    maxTotal = mt;
  }

  @Override
  public NodeTable nodes() {
    return nodes;
  }

  @Override
  public Profile profile() {
    return profile;
  }

  @Override
  public NodeSampling sampling() {
    return sampling;
  }

  private void refreshStructure() {
    if (structureVersion == nodes.structureVersion()) {
      return;
    }
    structureVersion = nodes.structureVersion();
    int n = nodes.size();
    nameHash = new long[n];
    hardTaints = new Taint[n][];
    preferTaints = new Taint[n][];
    for (int i = 0; i < n; i++) {
      nameHash[i] = TieBreak.stringHash(nodes.name(i));
      List<Taint> hard = new ArrayList<>();
      List<Taint> prefer = new ArrayList<>();
      for (Taint t : nodes.taints(i)) {
        (t.isHard() ? hard : prefer).add(t);
      }
      hardTaints[i] = hard.toArray(new Taint[0]);
      preferTaints[i] = prefer.toArray(new Taint[0]);
    }
    anyPreferTaint = false;
    for (Taint[] ts : preferTaints) {
      anyPreferTaint |= ts.length > 0;
    }
    anyHardTaint = false;
    for (Taint[] ts : hardTaints) {
      anyHardTaint |= ts.length > 0;
    }
    scaledImageScores.clear();
    feasible = new int[n];
    totals = new long[n];
    raw = new long[n];
    Arrays.fill(classes, null);
    classCount = 0;
    Arrays.fill(indexes, null);
    indexCount = 0;
  }

  @Override
  public Placement place(PodSpec pod) {
    ReferenceScheduler.validate(nodes, pod);
    int n = nodes.size();
    if (n == 0) {
      return Placement.unschedulable(pod.id(), 0, java.util.Map.of());
    }
    refreshStructure();
    preparePod(pod);
    try {
      int toFind = sampling.numFeasibleNodesToFind(n);
      int start = nextStartNodeIndex % n;
      if (resourceOnly && toFind >= n && simplePod() && forbCount == 0) {
        return placeIndexed(pod, n);
      }
      if (resourceOnly) {
        return placeFused(pod, n, toFind, start);
      }
      return placeGeneral(pod, n, toFind, start);
    } finally {
      this.pod = null;
      this.genericState = null;
    }
  }

  // ------------------------------------------------------------------ per-pod preparation

  private void preparePod(PodSpec p) {
    this.pod = p;
    reqDimCount = 0;
    for (int r = 0; r < dims; r++) {
      podReq[r] = p.request(r);
      if (r != DimensionRegistry.PODS && podReq[r] > 0) {
        reqDims[reqDimCount++] = r;
      }
    }
    for (int s = 0; s < nScorers; s++) {
      int[] dm = resDims[s];
      if (dm == null) {
        continue;
      }
      boolean useRequested = kind[s] == BALANCED;
      for (int i = 0; i < dm.length; i++) {
        int r = dm[i];
        long pr = useRequested ? p.request(r) : p.nonZeroRequest(r);
        podResReq[s][i] = (pr == 0 && nodes.registry().isExtended(r)) ? -1 : pr;
      }
    }
    podToleratesUnsched = false;
    for (Toleration t : p.tolerations()) {
      if (t.tolerates(NodeUnschedulableFilter.UNSCHEDULABLE_TAINT)) {
        podToleratesUnsched = true;
      }
    }
    podHasAffinity =
        fAffinity && (!p.nodeSelector().isEmpty() || !p.requiredNodeAffinity().isEmpty());
    affinityOk = null;
    spreadCount = 0;
    antiCount = 0;
    forbCount = 0;
    if (fSpread && !p.spreadConstraints().isEmpty()) {
      prepareSpreadFilter(p);
    }
    if (fAnti) {
      prepareAnti(p);
    }
    if (!genericFilters.isEmpty()) {
      genericState();
      for (FilterPlugin f : genericFilters) {
        f.preFilter(genericState);
      }
    }
  }

  private CycleState genericState() {
    if (genericState == null) {
      genericState = new CycleState(pod, nodes);
    }
    return genericState;
  }

  private boolean[] affinityForAll(PodSpec p) {
    if (affinityOk == null) {
      int n = nodes.size();
      if (affinityScratch.length < n) {
        affinityScratch = new boolean[n];
      }
      affinityOk = affinityScratch;
      boolean any = !p.nodeSelector().isEmpty() || !p.requiredNodeAffinity().isEmpty();
      for (int i = 0; i < n; i++) {
        affinityOk[i] = !any || p.matchesNodeSelectorAndAffinity(nodes.labels(i));
      }
    }
    return affinityOk;
  }

  private void prepareSpreadFilter(PodSpec p) {
    List<SpreadConstraint> cs = new ArrayList<>();
    for (SpreadConstraint c : p.spreadConstraints()) {
      if (c.whenUnsatisfiable() == WhenUnsatisfiable.DO_NOT_SCHEDULE) {
        cs.add(c);
      }
    }
    if (cs.isEmpty()) {
      return;
    }
    int k = cs.size();
    int n = nodes.size();
    spreadCount = k;
    spreadIds = new int[k][];
    spreadCounts = new long[k][];
    spreadMin = new long[k];
    spreadSelf = new long[k];
    spreadSkew = new int[k];
    boolean[][] present = new boolean[k][];
    PodCounts[] sel = new PodCounts[k];
    // Every node counts when the pod has no node selector or affinity and every node carries
    // every key: the domain totals the table maintains are then the answer, no node walk.
    boolean everyNode = p.nodeSelector().isEmpty() && p.requiredNodeAffinity().isEmpty();
    for (int i = 0; i < k; i++) {
      SpreadConstraint c = cs.get(i);
      spreadIds[i] = nodes.domainIds(c.topologyKey());
      int d = nodes.domainCount(c.topologyKey());
      spreadCounts[i] = new long[d];
      present[i] = new boolean[d];
      sel[i] = nodes.matchingPods(c.selector());
      spreadSelf[i] = c.selector().matches(p.labels()) ? 1 : 0;
      spreadSkew[i] = c.maxSkew();
      everyNode &= nodes.nodesWithout(c.topologyKey()) == 0;
    }
    if (everyNode) {
      for (int i = 0; i < k; i++) {
        int[] totals = sel[i].inDomains(cs.get(i).topologyKey());
        for (int dom = 0; dom < totals.length; dom++) {
          spreadCounts[i][dom] = totals[dom];
        }
        Arrays.fill(present[i], true);
      }
    } else {
      boolean[] aff = affinityForAll(p);
      outer:
      for (int node = 0; node < n; node++) {
        if (!aff[node]) {
          continue;
        }
        for (int i = 0; i < k; i++) {
          if (spreadIds[i][node] < 0) {
            continue outer;
          }
        }
        for (int i = 0; i < k; i++) {
          int dom = spreadIds[i][node];
          present[i][dom] = true;
          spreadCounts[i][dom] += sel[i].on(node);
        }
      }
    }
    for (int i = 0; i < k; i++) {
      long m = Integer.MAX_VALUE;
      for (int dom = 0; dom < present[i].length; dom++) {
        if (present[i][dom]) {
          m = Math.min(m, spreadCounts[i][dom]);
        }
      }
      spreadMin[i] = m;
    }
  }

  private void prepareAnti(PodSpec p) {
    int n = nodes.size();
    List<AntiAffinityTerm> terms = p.antiAffinity();
    if (!terms.isEmpty()) {
      antiCount = terms.size();
      antiIds = new int[antiCount][];
      antiHas = new boolean[antiCount][];
      for (int t = 0; t < antiCount; t++) {
        AntiAffinityTerm term = terms.get(t);
        int[] ids = nodes.domainIds(term.topologyKey());
        boolean[] has = new boolean[nodes.domainCount(term.topologyKey())];
        for (int node : nodes.matchingPods(term.selector()).nodes()) {
          if (ids[node] >= 0) {
            has[ids[node]] = true;
          }
        }
        antiIds[t] = ids;
        antiHas[t] = has;
      }
    }
    if (!nodes.podsWithAntiAffinity().isEmpty()) {
      List<int[]> ids = new ArrayList<>();
      List<boolean[]> doms = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      for (BoundPod b : nodes.podsWithAntiAffinity()) {
        for (AntiAffinityTerm term : b.pod().antiAffinity()) {
          if (!term.selector().matches(p.labels())) {
            continue;
          }
          int[] dIds = nodes.domainIds(term.topologyKey());
          int dom = dIds[b.node()];
          if (dom < 0) {
            continue;
          }
          int idx = keys.indexOf(term.topologyKey());
          if (idx < 0) {
            keys.add(term.topologyKey());
            ids.add(dIds);
            doms.add(new boolean[nodes.domainCount(term.topologyKey())]);
            idx = keys.size() - 1;
          }
          doms.get(idx)[dom] = true;
        }
      }
      forbCount = keys.size();
      forbIds = ids.toArray(new int[0][]);
      forbDom = doms.toArray(new boolean[0][]);
    }
  }

  // ------------------------------------------------------------------ filters

  private boolean tolerated(Taint taint) {
    for (Toleration t : pod.tolerations()) {
      if (t.tolerates(taint)) {
        return true;
      }
    }
    return false;
  }

  private static int canonicalRank(FilterPlugin f) {
    if (f instanceof NodeUnschedulableFilter) {
      return 0;
    } else if (f instanceof TaintTolerationFilter) {
      return 1;
    } else if (f instanceof NodeAffinityFilter) {
      return 2;
    } else if (f instanceof NodeResourcesFitFilter) {
      return 3;
    } else if (f instanceof PodTopologySpreadFilter) {
      return 4;
    } else if (f instanceof InterPodAntiAffinityFilter) {
      return 5;
    }
    return Integer.MAX_VALUE;
  }

  /**
   * Why {@code p} fits no node: for each node the reasons of the first filter that rejects it,
   * counted over all nodes, equal to {@link ReferenceScheduler#diagnose}. Without spread,
   * anti-affinity or generic filters in play and with the upstream filter order, the first
   * rejecting filter is found with the fused loop's primitive checks and its reasons are taken from
   * the plugin once per distinct outcome (for NodeResourcesFit, per set of insufficient resources),
   * so a failed cycle costs one pass over primitive arrays instead of a plugin call and a list per
   * node and filter. Otherwise it is the reference diagnosis.
   */
  private Map<String, Integer> diagnose(PodSpec p) {
    boolean simple =
        canonicalFilters
            && genericFilters.isEmpty()
            && spreadCount == 0
            && antiCount == 0
            && forbCount == 0
            && reqDimCount < 16;
    CycleState state = new CycleState(p, nodes);
    if (!simple) {
      return ReferenceScheduler.diagnose(profile, state);
    }
    for (FilterPlugin f : profile.filters()) {
      f.preFilter(state);
    }
    int n = nodes.size();
    long[] alloc = nodes.allocatableView();
    long[] req = nodes.requestedView();
    boolean[] cordoned = nodes.unschedulableView();
    Map<String, Integer> reasons = new TreeMap<>();
    int[] fitCounts = new int[1 << (reqDimCount + 1)];
    int[] fitExample = new int[fitCounts.length];
    int cordonCount = 0;
    int cordonExample = -1;
    for (int node = 0; node < n; node++) {
      if (fUnsched && cordoned[node] && !podToleratesUnsched) {
        cordonCount++;
        cordonExample = node;
        continue;
      }
      boolean rejected =
          hardTaintRejects(node)
              || (fAffinity
                  && podHasAffinity
                  && !p.matchesNodeSelectorAndAffinity(nodes.labels(node)));
      if (rejected) {
        // taints and node affinity: rare in a failed cycle, so ask the plugins themselves
        for (FilterPlugin f : profile.filters()) {
          List<String> r = f.filter(state, node);
          if (!r.isEmpty()) {
            r.forEach(reason -> reasons.merge(reason, 1, Integer::sum));
            break;
          }
        }
        continue;
      }
      int mask = fitMask(node, alloc, req);
      if (mask == 0) {
        // a node the fused loop should have found feasible: trust the reference
        return ReferenceScheduler.diagnose(profile, new CycleState(p, nodes));
      }
      fitCounts[mask]++;
      fitExample[mask] = node;
    }
    if (cordonCount > 0) {
      for (FilterPlugin f : profile.filters()) {
        if (f instanceof NodeUnschedulableFilter) {
          int c = cordonCount;
          f.filter(state, cordonExample).forEach(reason -> reasons.merge(reason, c, Integer::sum));
        }
      }
    }
    for (int mask = 1; mask < fitCounts.length; mask++) {
      if (fitCounts[mask] > 0) {
        int c = fitCounts[mask];
        for (FilterPlugin f : profile.filters()) {
          if (f instanceof NodeResourcesFitFilter) {
            f.filter(state, fitExample[mask])
                .forEach(reason -> reasons.merge(reason, c, Integer::sum));
          }
        }
      }
    }
    return reasons;
  }

  /**
   * Per-node filters plus resources; the part cached for simple pods. The cordon flag is read live:
   * a cordon or uncordon bumps the node's version and journals the node, which invalidates exactly
   * that node in the class caches and bucket indexes, as a bind does.
   */
  private boolean basicFeasible(int node, long[] alloc, long[] req) {
    if (fUnsched && nodes.unschedulableView()[node] && !podToleratesUnsched) {
      return false;
    }
    return !hardTaintRejects(node) && fitMask(node, alloc, req) == 0;
  }

  /** Whether the node has a NoSchedule/NoExecute taint the current pod does not tolerate. */
  private boolean hardTaintRejects(int node) {
    if (fTaint && anyHardTaint) {
      for (Taint t : hardTaints[node]) {
        if (!tolerated(t)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * NodeResourcesFit for the current pod on {@code node} as a bit mask, 0 when it fits: bit 0 "Too
   * many pods", bit 1 + j the j-th requested dimension ({@code reqDims[j]}) short.
   */
  private int fitMask(int node, long[] alloc, long[] req) {
    if (!fFit) {
      return 0;
    }
    int base = node * dims;
    int mask =
        req[base + DimensionRegistry.PODS] + 1 > alloc[base + DimensionRegistry.PODS] ? 1 : 0;
    for (int j = 0; j < reqDimCount; j++) {
      int r = reqDims[j];
      if (podReq[r] > alloc[base + r] - req[base + r]) {
        mask |= 2 << j;
      }
    }
    return mask;
  }

  /** Filters that depend on other pods or on the pod's affinity. */
  private boolean constraintFeasible(int node) {
    if (podHasAffinity) {
      if (affinityOk != null) {
        if (!affinityOk[node]) {
          return false;
        }
      } else if (!pod.matchesNodeSelectorAndAffinity(nodes.labels(node))) {
        return false;
      }
    }
    for (int i = 0; i < spreadCount; i++) {
      int dom = spreadIds[i][node];
      if (dom < 0) {
        return false;
      }
      if (spreadCounts[i][dom] + spreadSelf[i] - spreadMin[i] > spreadSkew[i]) {
        return false;
      }
    }
    for (int t = 0; t < antiCount; t++) {
      int dom = antiIds[t][node];
      if (dom >= 0 && antiHas[t][dom]) {
        return false;
      }
    }
    for (int f = 0; f < forbCount; f++) {
      int dom = forbIds[f][node];
      if (dom >= 0 && forbDom[f][dom]) {
        return false;
      }
    }
    for (FilterPlugin f : genericFilters) {
      if (!f.filter(genericState, node).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  // ------------------------------------------------------------------ resource scores

  private long resourceScore(int s, int node, long[] alloc, long[] req, long[] nz) {
    int[] dm = resDims[s];
    long[] pr = podResReq[s];
    long[] w = resWeights[s];
    int base = node * dims;
    switch (kind[s]) {
      case LEAST:
        {
          long sum = 0;
          long ws = 0;
          for (int i = 0; i < dm.length; i++) {
            if (pr[i] < 0) {
              continue;
            }
            int r = dm[i];
            long a = alloc[base + r];
            if (a == 0) {
              continue;
            }
            long q = (r <= DimensionRegistry.MEMORY ? nz[node * 2 + r] : req[base + r]) + pr[i];
            sum += (q > a ? 0 : (a - q) * 100 / a) * w[i];
            ws += w[i];
          }
          return ws == 0 ? 0 : sum / ws;
        }
      case MOST:
        {
          long sum = 0;
          long ws = 0;
          for (int i = 0; i < dm.length; i++) {
            if (pr[i] < 0) {
              continue;
            }
            int r = dm[i];
            long a = alloc[base + r];
            if (a == 0) {
              continue;
            }
            long q = (r <= DimensionRegistry.MEMORY ? nz[node * 2 + r] : req[base + r]) + pr[i];
            sum += (Math.min(q, a) * 100 / a) * w[i];
            ws += w[i];
          }
          return ws == 0 ? 0 : sum / ws;
        }
      case RTCR:
        {
          long sum = 0;
          long ws = 0;
          long[] shape = shapeScore[s];
          for (int i = 0; i < dm.length; i++) {
            if (pr[i] < 0) {
              continue;
            }
            int r = dm[i];
            long a = alloc[base + r];
            if (a == 0) {
              continue;
            }
            long q = (r <= DimensionRegistry.MEMORY ? nz[node * 2 + r] : req[base + r]) + pr[i];
            long rs = q > a ? shape[100] : shape[(int) (q * 100 / a)];
            if (rs > 0) {
              sum += rs * w[i];
              ws += w[i];
            }
          }
          return ws == 0 ? 0 : Math.round((double) sum / (double) ws);
        }
      case BALANCED:
        {
          double[] f = fractions[s];
          int cnt = 0;
          double total = 0;
          for (int i = 0; i < dm.length; i++) {
            if (pr[i] < 0) {
              continue;
            }
            int r = dm[i];
            long a = alloc[base + r];
            if (a == 0) {
              continue;
            }
            double fr = (double) (req[base + r] + pr[i]) / (double) a;
            if (fr > 1) {
              fr = 1;
            }
            total += fr;
            f[cnt++] = fr;
          }
          double std = 0;
          if (cnt == 2) {
            std = Math.abs((f[0] - f[1]) / 2);
          } else if (cnt > 2) {
            double mean = total / cnt;
            double sq = 0;
            for (int i = 0; i < cnt; i++) {
              sq = sq + (f[i] - mean) * (f[i] - mean);
            }
            std = Math.sqrt(sq / cnt);
          }
          return (long) ((1 - std) * 100.0);
        }
      case TETRIS:
        {
          long sum = 0;
          long ws = 0;
          for (int i = 0; i < dm.length; i++) {
            int r = dm[i];
            long a = alloc[base + r];
            if (a == 0) {
              continue;
            }
            long nodeReq = r <= DimensionRegistry.MEMORY ? nz[node * 2 + r] : req[base + r];
            long podR = pod.nonZeroRequest(r);
            long free = Math.max(0, a - nodeReq);
            long demand = Math.min(podR, a);
            sum += ((demand * 100 / a) * (free * 100 / a)) * w[i];
            ws += w[i];
          }
          return ws == 0 ? 0 : sum / ws;
        }
      default:
        throw new AssertionError(kind[s]);
    }
  }

  /**
   * Σ weight × score over the profile's un-normalized resource scorers (all scorers in
   * resource-only profiles).
   */
  private long resourceTotal(int node, long[] alloc, long[] req, long[] nz) {
    long t = 0;
    for (int s = 0; s < nScorers; s++) {
      if (kind[s] <= BALANCED) {
        t += resourceScore(s, node, alloc, req, nz) * weight[s];
      }
    }
    return t;
  }

  // ------------------------------------------------------------------ fused path

  private boolean simplePod() {
    return pod.tolerations().isEmpty()
        && !podHasAffinity
        && spreadCount == 0
        && antiCount == 0
        && genericFilters.isEmpty();
  }

  private ClassCache classFor(PodSpec p, int n) {
    for (int i = 0; i < classCount; i++) {
      ClassCache c = classes[i];
      if (c.nzCpu == p.nonZeroCpu()
          && c.nzMem == p.nonZeroMemory()
          && Arrays.equals(c.req, podReq)) {
        return c;
      }
    }
    ClassCache c = new ClassCache(podReq.clone(), p.nonZeroCpu(), p.nonZeroMemory(), n);
    if (classCount < MAX_CLASSES) {
      classes[classCount++] = c;
    } else {
      classes[classVictim] = c;
      classVictim = (classVictim + 1) % MAX_CLASSES;
    }
    return c;
  }

  private Placement placeFused(PodSpec p, int n, int toFind, int start) {
    long[] alloc = nodes.allocatableView();
    long[] req = nodes.requestedView();
    long[] nz = nodes.nonZeroRequestedView();
    long[] ver = nodes.versionView();
    ClassCache cache = simplePod() ? classFor(p, n) : null;
    boolean lowestIndex = profile.lowestIndexWins();
    long podHash = TieBreak.stringHash(p.tieBreakKey());
    int count = 0;
    int processed = n;
    int best = -1;
    long bestTotal = 0;
    long bestHash = 0;
    boolean bestHashKnown = false;
    for (int i = 0; i < n; i++) {
      int node = start + i;
      if (node >= n) {
        node -= n;
      }
      long total;
      if (cache != null) {
        total = cachedTotal(cache, node, ver[node], alloc, req, nz);
        if (total == INFEASIBLE) {
          continue;
        }
        if (forbCount > 0 && !constraintFeasible(node)) {
          continue;
        }
      } else {
        if (!basicFeasible(node, alloc, req) || !constraintFeasible(node)) {
          continue;
        }
        total = resourceTotal(node, alloc, req, nz);
      }
      count++;
      if (best < 0 || total > bestTotal) {
        best = node;
        bestTotal = total;
        bestHashKnown = false;
      } else if (total == bestTotal) {
        if (lowestIndex) {
          if (node < best) {
            best = node;
          }
        } else {
          if (!bestHashKnown) {
            bestHash = TieBreak.hash(seed, podHash, nameHash[best]);
            bestHashKnown = true;
          }
          long h = TieBreak.hash(seed, podHash, nameHash[node]);
          if (h > bestHash || (h == bestHash && node < best)) {
            best = node;
            bestHash = h;
          }
        }
      }
      if (count == toFind) {
        processed = i + 1;
        break;
      }
    }
    nextStartNodeIndex = (start + processed) % n;
    if (count == 0) {
      return Placement.unschedulable(p.id(), n, diagnose(p));
    }
    return Placement.scheduled(p.id(), best, nodes.name(best), bestTotal, count, n);
  }

  // ------------------------------------------------------------------ indexed path (full scan)

  /**
   * Per pod class ("equivalent pods": same request vector), every node's feasibility and total
   * resource score, with the feasible nodes threaded into one intrusive list per total score (0 ..
   * 100 × Σ weights) and a feasibility bitset. Kept current by replaying the table's change
   * journal, so a placement touches only the nodes changed since the class was last used plus the
   * nodes that tie for the best total: an exact full scan without scanning.
   */
  private final class BucketIndex {
    final long[] req;
    final long nzCpu;
    final long nzMem;
    long[] total;
    int[] next;
    int[] prev;
    int[] head;
    int[] bucketSize;
    long[] bits;
    int feasibleCount;
    long syncedSeq;
    long builtForStructure = -1;

    BucketIndex(long[] req, long nzCpu, long nzMem) {
      this.req = req;
      this.nzCpu = nzCpu;
      this.nzMem = nzMem;
    }

    void rebuild(long[] alloc, long[] rq, long[] nz) {
      int n = nodes.size();
      total = new long[n];
      next = new int[n];
      prev = new int[n];
      head = new int[(int) maxTotal + 1];
      bucketSize = new int[(int) maxTotal + 1];
      bits = new long[(n + 63) >>> 6];
      Arrays.fill(head, -1);
      feasibleCount = 0;
      for (int node = 0; node < n; node++) {
        total[node] = INFEASIBLE;
        place(node, compute(node, alloc, rq, nz));
      }
      syncedSeq = nodes.changeSequence();
      builtForStructure = nodes.structureVersion();
    }

    long compute(int node, long[] alloc, long[] rq, long[] nz) {
      return basicFeasible(node, alloc, rq) ? resourceTotal(node, alloc, rq, nz) : INFEASIBLE;
    }

    void sync(long[] alloc, long[] rq, long[] nz) {
      long cur = nodes.changeSequence();
      if (builtForStructure != nodes.structureVersion()
          || cur - syncedSeq > nodes.journalCapacity()) {
        rebuild(alloc, rq, nz);
        return;
      }
      for (long s = syncedSeq; s < cur; s++) {
        int node = nodes.changedNode(s);
        long t = compute(node, alloc, rq, nz);
        if (t != total[node]) {
          remove(node);
          place(node, t);
        }
      }
      syncedSeq = cur;
    }

    private void remove(int node) {
      long t = total[node];
      if (t == INFEASIBLE) {
        return;
      }
      int b = (int) t;
      if (prev[node] >= 0) {
        next[prev[node]] = next[node];
      } else {
        head[b] = next[node];
      }
      if (next[node] >= 0) {
        prev[next[node]] = prev[node];
      }
      bucketSize[b]--;
      feasibleCount--;
      bits[node >>> 6] &= ~(1L << node);
      total[node] = INFEASIBLE;
    }

    private void place(int node, long t) {
      total[node] = t;
      if (t == INFEASIBLE) {
        return;
      }
      int b = (int) t;
      prev[node] = -1;
      next[node] = head[b];
      if (head[b] >= 0) {
        prev[head[b]] = node;
      }
      head[b] = node;
      bucketSize[b]++;
      feasibleCount++;
      bits[node >>> 6] |= 1L << node;
    }
  }

  private BucketIndex indexFor(PodSpec p) {
    for (int i = 0; i < indexCount; i++) {
      BucketIndex x = indexes[i];
      if (x.nzCpu == p.nonZeroCpu()
          && x.nzMem == p.nonZeroMemory()
          && Arrays.equals(x.req, podReq)) {
        return x;
      }
    }
    BucketIndex x = new BucketIndex(podReq.clone(), p.nonZeroCpu(), p.nonZeroMemory());
    if (indexCount < MAX_CLASSES) {
      indexes[indexCount++] = x;
    } else {
      indexes[indexVictim] = x;
      indexVictim = (indexVictim + 1) % MAX_CLASSES;
    }
    return x;
  }

  private Placement placeIndexed(PodSpec p, int n) {
    long[] alloc = nodes.allocatableView();
    long[] req = nodes.requestedView();
    long[] nz = nodes.nonZeroRequestedView();
    BucketIndex x = indexFor(p);
    x.sync(alloc, req, nz);
    // a full scan processes every node, so the round-robin start does not move
    if (x.feasibleCount == 0) {
      return Placement.unschedulable(p.id(), n, diagnose(p));
    }
    int top = (int) maxTotal;
    while (x.head[top] < 0) {
      top--;
    }
    int best = -1;
    if (profile.lowestIndexWins()) {
      if (x.bucketSize[top] == x.feasibleCount) {
        for (int w = 0; w < x.bits.length; w++) {
          if (x.bits[w] != 0) {
            best = (w << 6) + Long.numberOfTrailingZeros(x.bits[w]);
            break;
          }
        }
      } else {
        for (int node = x.head[top]; node >= 0; node = x.next[node]) {
          if (best < 0 || node < best) {
            best = node;
          }
        }
      }
    } else {
      long podHash = TieBreak.stringHash(p.tieBreakKey());
      long bestHash = 0;
      for (int node = x.head[top]; node >= 0; node = x.next[node]) {
        long h = TieBreak.hash(seed, podHash, nameHash[node]);
        if (best < 0 || h > bestHash || (h == bestHash && node < best)) {
          best = node;
          bestHash = h;
        }
      }
    }
    return Placement.scheduled(p.id(), best, nodes.name(best), top, x.feasibleCount, n);
  }

  // ------------------------------------------------------------------ general path

  private Placement placeGeneral(PodSpec p, int n, int toFind, int start) {
    long[] alloc = nodes.allocatableView();
    long[] req = nodes.requestedView();
    long[] nz = nodes.nonZeroRequestedView();
    long[] ver = nodes.versionView();
    // simple pods reuse the per-class cache of feasibility and resource-score part
    ClassCache cache = simplePod() ? classFor(p, n) : null;
    int count = 0;
    int processed = n;
    for (int i = 0; i < n; i++) {
      int node = start + i;
      if (node >= n) {
        node -= n;
      }
      if (cache != null) {
        long t = cachedTotal(cache, node, ver[node], alloc, req, nz);
        if (t == INFEASIBLE || (forbCount > 0 && !constraintFeasible(node))) {
          continue;
        }
        totals[count] = t;
        feasible[count++] = node;
      } else {
        if (!basicFeasible(node, alloc, req) || !constraintFeasible(node)) {
          continue;
        }
        totals[count] = 0;
        feasible[count++] = node;
      }
      if (count == toFind) {
        processed = i + 1;
        break;
      }
    }
    nextStartNodeIndex = (start + processed) % n;
    if (count == 0) {
      return Placement.unschedulable(p.id(), n, diagnose(p));
    }
    sharedScore = 0;
    for (int s = 0; s < nScorers; s++) {
      long w = weight[s];
      switch (kind[s]) {
        case LEAST, MOST, RTCR, BALANCED -> {
          if (cache != null) {
            continue; // already in totals from the class cache
          }
          for (int j = 0; j < count; j++) {
            totals[j] += resourceScore(s, feasible[j], alloc, req, nz) * w;
          }
        }
        case TETRIS -> {
          for (int j = 0; j < count; j++) {
            raw[j] = resourceScore(s, feasible[j], alloc, req, nz);
          }
          Normalize.defaultNormalize(Normalize.MAX_NODE_SCORE, false, raw, count);
          addRaw(count, w);
        }
        case IMAGE -> imageScores(count, w);
        case TAINT -> taintScores(count, w);
        case AFFINITY -> affinityScores(count, w);
        case SPREAD -> spreadScores(count, w);
        default -> {
          CycleState st = genericState();
          plugin[s].preScore(st, feasible, count);
          for (int j = 0; j < count; j++) {
            raw[j] = plugin[s].score(st, feasible[j]);
          }
          plugin[s].normalize(st, feasible, raw, count);
          addRaw(count, w);
        }
      }
    }
    boolean lowestIndex = profile.lowestIndexWins();
    long podHash = TieBreak.stringHash(p.tieBreakKey());
    int best = -1;
    long bestTotal = 0;
    long bestHash = 0;
    boolean bestHashKnown = false;
    for (int j = 0; j < count; j++) {
      int node = feasible[j];
      long total = totals[j];
      if (best < 0 || total > bestTotal) {
        best = node;
        bestTotal = total;
        bestHashKnown = false;
      } else if (total == bestTotal) {
        if (lowestIndex) {
          if (node < best) {
            best = node;
          }
        } else {
          if (!bestHashKnown) {
            bestHash = TieBreak.hash(seed, podHash, nameHash[best]);
            bestHashKnown = true;
          }
          long h = TieBreak.hash(seed, podHash, nameHash[node]);
          if (h > bestHash || (h == bestHash && node < best)) {
            best = node;
            bestHash = h;
          }
        }
      }
    }
    return Placement.scheduled(p.id(), best, nodes.name(best), bestTotal + sharedScore, count, n);
  }

  private void addRaw(int count, long w) {
    for (int j = 0; j < count; j++) {
      totals[j] += raw[j] * w;
    }
  }

  /**
   * Per node, {@code int64(float64(size) · nodesWithImage / totalNodes)} for one image: fixed until
   * nodes are added, so computed once per image.
   */
  private long[] scaledImage(String image) {
    long[] sc = scaledImageScores.get(image);
    if (sc == null) {
      long[] sizes = nodes.imageSizes(image);
      double spread = (double) nodes.imageNodeCount(image) / (double) nodes.size();
      sc = new long[sizes.length];
      for (int i = 0; i < sizes.length; i++) {
        sc[i] = (long) ((double) sizes[i] * spread);
      }
      scaledImageScores.put(image, sc);
    }
    return sc;
  }

  private void imageScores(int count, long w) {
    int containers = pod.initContainers().size() + pod.containers().size();
    if (imageScratch.length < containers) {
      imageScratch = new long[containers][];
    }
    long[][] scaled = imageScratch;
    int m = 0;
    for (int c = 0; c < containers; c++) {
      Container ct =
          c < pod.initContainers().size()
              ? pod.initContainers().get(c)
              : pod.containers().get(c - pod.initContainers().size());
      if (ct.image() == null || nodes.imageNodeCount(ct.image()) == 0) {
        continue;
      }
      scaled[m++] = scaledImage(ct.image());
    }
    if (m == 0) {
      // no image of the pod is on any node: every node gets the score of a zero sum
      sharedScore += ImageLocalityScorer.calculatePriority(0, containers) * w;
      return;
    }
    for (int j = 0; j < count; j++) {
      int node = feasible[j];
      long sum = 0;
      for (int q = 0; q < m; q++) {
        sum += scaled[q][node];
      }
      totals[j] += ImageLocalityScorer.calculatePriority(sum, containers) * w;
    }
  }

  private void taintScores(int count, long w) {
    if (!anyPreferTaint) {
      // every raw score is 0, and the reversed normalization of all zeros gives 100 everywhere
      sharedScore += Normalize.MAX_NODE_SCORE * w;
      return;
    }
    List<Toleration> prefer = new ArrayList<>();
    for (Toleration t : pod.tolerations()) {
      if (t.effect() == null || t.effect() == TaintEffect.PREFER_NO_SCHEDULE) {
        prefer.add(t);
      }
    }
    for (int j = 0; j < count; j++) {
      Taint[] ts = preferTaints[feasible[j]];
      long c = 0;
      for (Taint taint : ts) {
        boolean tol = false;
        for (Toleration t : prefer) {
          if (t.tolerates(taint)) {
            tol = true;
            break;
          }
        }
        if (!tol) {
          c++;
        }
      }
      raw[j] = c;
    }
    Normalize.defaultNormalize(Normalize.MAX_NODE_SCORE, true, raw, count);
    addRaw(count, w);
  }

  private void affinityScores(int count, long w) {
    if (pod.preferredNodeAffinity().isEmpty()) {
      return; // every raw score is 0, and normalizing zeros (not reversed) keeps them 0
    }
    for (int j = 0; j < count; j++) {
      long sum = 0;
      for (PreferredTerm t : pod.preferredNodeAffinity()) {
        if (t.term().matches(nodes.labels(feasible[j]))) {
          sum += t.weight();
        }
      }
      raw[j] = sum;
    }
    Normalize.defaultNormalize(Normalize.MAX_NODE_SCORE, false, raw, count);
    addRaw(count, w);
  }

  private void spreadScores(int count, long w) {
    // The system default constraints depend on the pod's labels only: build them and look up
    // their counts once per label set (a service), not once per placement.
    DefaultSpread plan = pod.spreadConstraints().isEmpty() ? defaultSpread.get(pod.labels()) : null;
    if (plan == null) {
      List<SpreadConstraint> built = PodTopologySpreadScorer.scoringConstraints(pod);
      PodCounts[] counted = new PodCounts[built.size()];
      for (int i = 0; i < counted.length; i++) {
        counted[i] = nodes.matchingPods(built.get(i).selector());
      }
      plan = new DefaultSpread(List.copyOf(built), counted);
      if (pod.spreadConstraints().isEmpty()) {
        defaultSpread.put(pod.labels(), plan);
      }
    }
    List<SpreadConstraint> cs = plan.constraints();
    if (cs.isEmpty()) {
      return; // PreScore skips: the plugin adds 0 to every node
    }
    int k = cs.size();
    int n = nodes.size();
    boolean requireAll = !pod.spreadConstraints().isEmpty();
    boolean[] hostname = new boolean[k];
    int[][] ids = new int[k][];
    PodCounts[] sel = plan.counts();
    if (presentScratch.length < k) {
      presentScratch = Arrays.copyOf(presentScratch, k);
      countsScratch = Arrays.copyOf(countsScratch, k);
    }
    boolean[][] present = presentScratch;
    long[][] counts = countsScratch;
    int[] slotCount = new int[k];
    int[] topoSize = new int[k];
    for (int i = 0; i < k; i++) {
      SpreadConstraint c = cs.get(i);
      hostname[i] = c.topologyKey().equals(NodeSpec.HOSTNAME);
      ids[i] = nodes.domainIds(c.topologyKey());
      if (hostname[i]) {
        continue; // per-node counts come straight from sel; no domain arrays needed
      }
      int slots = nodes.domainCount(c.topologyKey()) + 1; // last slot: nodes without the label ("")
      slotCount[i] = slots;
      if (present[i] == null || present[i].length < slots) {
        present[i] = new boolean[slots];
        counts[i] = new long[slots];
      } else {
        Arrays.fill(present[i], 0, slots, false);
        Arrays.fill(counts[i], 0, slots, 0L);
      }
    }
    if (ignoredScratch.length < count) {
      ignoredScratch = new boolean[nodes.size()];
    }
    boolean[] ignored = ignoredScratch;
    Arrays.fill(ignored, 0, count, false);
    int ignoredCount = 0;
    if (requireAll) {
      for (int j = 0; j < count; j++) {
        if (!hasAllKeys(ids, k, feasible[j])) {
          ignored[j] = true;
          ignoredCount++;
        }
      }
    }
    // loops run constraint-outer, node-inner over 1-D arrays (JIT-friendly); each node still
    // adds its constraint terms in constraint order, so the float sums match the reference bit for
    // bit
    for (int i = 0; i < k; i++) {
      if (hostname[i]) {
        continue;
      }
      int[] idsI = ids[i];
      boolean[] presentI = present[i];
      int last = slotCount[i] - 1;
      int size = 0;
      for (int j = 0; j < count; j++) {
        if (ignored[j]) {
          continue;
        }
        int d = idsI[feasible[j]];
        int slot = d < 0 ? last : d;
        if (!presentI[slot]) {
          presentI[slot] = true;
          size++;
        }
      }
      topoSize[i] = size;
    }
    double[] wts = new double[k];
    for (int i = 0; i < k; i++) {
      int size = hostname[i] ? count - ignoredCount : topoSize[i];
      wts[i] = Math.log(size + 2);
    }
    boolean anyAffinity = !pod.nodeSelector().isEmpty() || !pod.requiredNodeAffinity().isEmpty();
    // Every node counts when the pod has no node affinity and, if keys are required, every
    // node has them all: take the table's per-domain totals instead of walking the nodes.
    boolean everyNode = !anyAffinity;
    for (int i = 0; i < k && everyNode && requireAll; i++) {
      everyNode = nodes.nodesWithout(cs.get(i).topologyKey()) == 0;
    }
    boolean[] aff = anyAffinity ? affinityForAll(pod) : null;
    for (int i = 0; i < k; i++) {
      if (hostname[i]) {
        continue;
      }
      int[] idsI = ids[i];
      PodCounts selI = sel[i];
      boolean[] presentI = present[i];
      long[] countsI = counts[i];
      int last = slotCount[i] - 1;
      if (everyNode) {
        // the last slot (nodes without the label) is never read by the scores below
        int[] totals = selI.inDomains(cs.get(i).topologyKey());
        for (int d = 0; d < totals.length; d++) {
          if (presentI[d]) {
            countsI[d] = totals[d];
          }
        }
        continue;
      }
      for (int node = 0; node < n; node++) {
        if (aff != null && !aff[node]) {
          continue;
        }
        if (requireAll && !hasAllKeys(ids, k, node)) {
          continue;
        }
        int d = idsI[node];
        int slot = d < 0 ? last : d;
        if (presentI[slot]) {
          countsI[slot] += selI.on(node);
        }
      }
    }
    if (!requireAll && k == 2 && hostname[0] && !hostname[1]) {
      spreadSystemDefault(count, w, cs, ids, sel[0], counts[1], wts);
      return;
    }
    if (accScratch.length < count) {
      accScratch = new double[nodes.size()];
    }
    double[] acc = accScratch;
    Arrays.fill(acc, 0, count, 0.0);
    for (int i = 0; i < k; i++) {
      int[] idsI = ids[i];
      PodCounts selI = sel[i];
      long[] countsI = counts[i];
      double wi = wts[i];
      double skewTerm = (double) (cs.get(i).maxSkew() - 1);
      boolean host = hostname[i];
      // per-node counts: borrow the zeroed scratch as a dense view of the few matching nodes
      int[] onNode = host ? borrowPerNode(selI) : null;
      for (int j = 0; j < count; j++) {
        if (ignored[j]) {
          continue;
        }
        int node = feasible[j];
        int d = idsI[node];
        if (d < 0) {
          continue;
        }
        long cnt = host ? onNode[node] : countsI[d];
        acc[j] += (double) cnt * wi + skewTerm;
      }
      if (host) {
        returnPerNode(selI, onNode);
      }
    }
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int j = 0; j < count; j++) {
      if (ignored[j]) {
        raw[j] = 0;
        continue;
      }
      raw[j] = Math.round(acc[j]);
      min = Math.min(min, raw[j]);
      max = Math.max(max, raw[j]);
    }
    for (int j = 0; j < count; j++) {
      long v;
      if (ignored[j]) {
        v = 0;
      } else if (max == 0) {
        v = 100;
      } else {
        v = 100 * (max + min - raw[j]) / max;
      }
      totals[j] += v * w;
    }
  }

  /**
   * {@link #spreadScores} for the system default constraints (hostname, then zone; no node is
   * ignored) in one pass over the scored nodes instead of one per constraint and step. Each node's
   * sum adds the hostname term, then the zone term, as the general loop does, so the doubles and
   * their rounding are bit for bit the same.
   */
  private void spreadSystemDefault(
      int count,
      long w,
      List<SpreadConstraint> cs,
      int[][] ids,
      PodCounts onHost,
      long[] zoneCounts,
      double[] wts) {
    int[] hostIds = ids[0];
    int[] zoneIds = ids[1];
    double w0 = wts[0];
    double w1 = wts[1];
    double skew0 = (double) (cs.get(0).maxSkew() - 1);
    double skew1 = (double) (cs.get(1).maxSkew() - 1);
    int[] onNode = borrowPerNode(onHost);
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int j = 0; j < count; j++) {
      int node = feasible[j];
      double a = 0.0;
      if (hostIds[node] >= 0) {
        a += (double) onNode[node] * w0 + skew0;
      }
      int d = zoneIds[node];
      if (d >= 0) {
        a += (double) zoneCounts[d] * w1 + skew1;
      }
      long r = Math.round(a);
      raw[j] = r;
      min = Math.min(min, r);
      max = Math.max(max, r);
    }
    returnPerNode(onHost, onNode);
    for (int j = 0; j < count; j++) {
      long v = max == 0 ? 100 : 100 * (max + min - raw[j]) / max;
      totals[j] += v * w;
    }
  }

  /**
   * {@code counts} per node as a dense array: the selector's own dense view, or the zeroed scratch
   * with its few matching nodes added; hand it back with {@link #returnPerNode}.
   */
  private int[] borrowPerNode(PodCounts counts) {
    int[] dense = counts.denseView();
    if (dense != null) {
      return dense;
    }
    if (hostScratch.length < nodes.size()) {
      hostScratch = new int[nodes.size()];
    }
    counts.addTo(hostScratch, 1);
    return hostScratch;
  }

  /** Zeroes the scratch again if {@link #borrowPerNode} filled it. */
  private void returnPerNode(PodCounts counts, int[] perNode) {
    if (perNode == hostScratch) {
      counts.addTo(hostScratch, -1);
    }
  }

  private static boolean hasAllKeys(int[][] ids, int k, int node) {
    for (int i = 0; i < k; i++) {
      if (ids[i][node] < 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "FastScheduler[" + profile.name() + ", " + sampling + ", " + nodes + "]";
  }
}
