package io.platformsim.core.experiment;

import io.platformsim.core.experiment.TimelineEvent.ApplyRelease;
import io.platformsim.core.experiment.TimelineEvent.LoadChange;
import io.platformsim.core.experiment.TimelineEvent.MachineFailure;
import io.platformsim.core.experiment.TimelineEvent.ZoneOutage;
import io.platformsim.core.kusp.ClusterAutoscaling;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.NodeType;
import io.platformsim.core.lesp.BatchSize;
import io.platformsim.core.lesp.DeployStrategy;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.ImageLayer;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import io.platformsim.core.workload.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Loads a {@link Scenario} from a YAML file. The schema, every field's unit and default, is
 * documented in {@code examples/scenarios/README.md}; {@code examples/scenarios/default.yaml} is
 * the built-in scenario written as a file.
 *
 * <p>Strict: an unknown field is an error that names it and suggests the closest known one;
 * every quantity needs its unit ({@code 90s}, {@code 500m}, {@code 4Gi}, {@code 200MB}); every
 * error is a {@link ScenarioFileException} naming the file, the line and the field. Bounded: a
 * file over {@link #MAX_BYTES} is refused before it is read, and anchors and aliases are refused
 * (no "billion laughs" expansion). Either the whole file loads or nothing does.
 *
 * <pre>{@code
 * Scenario s = ScenarioFile.load(Path.of("examples/scenarios/default.yaml"));
 * }</pre>
 */
public final class ScenarioFile {

  /** Largest scenario file accepted, in bytes (1 MiB). */
  public static final long MAX_BYTES = 1 << 20;
  /** Most services (listed plus generated) a file may describe. */
  public static final int MAX_SERVICES = 5_000;
  /** Most timeline events a file may describe (after expanding "every service" events). */
  public static final int MAX_EVENTS = 100_000;

  private final String file;

  private ScenarioFile(String file) {
    this.file = file;
  }

  /**
   * Loads {@code path}.
   *
   * @throws ScenarioFileException if it is missing, too large, not YAML or not a valid scenario
   */
  public static Scenario load(Path path) {
    String name = path.toString();
    try {
      long size = Files.size(path);
      if (size > MAX_BYTES) {
        throw new ScenarioFileException(name, 0, "", "file is " + size + " bytes; the limit is " + MAX_BYTES);
      }
      return parse(Files.readString(path, StandardCharsets.UTF_8), name);
    } catch (NoSuchFileException e) {
      throw new ScenarioFileException(name, 0, "", "no such file");
    } catch (IOException e) {
      throw new ScenarioFileException(name, 0, "", "cannot read: " + e.getMessage());
    }
  }

  /**
   * Parses {@code yaml}, naming it {@code sourceName} in errors.
   *
   * @throws ScenarioFileException if it is too large, not YAML or not a valid scenario
   */
  public static Scenario parse(String yaml, String sourceName) {
    ScenarioFile f = new ScenarioFile(sourceName);
    if (yaml.length() > MAX_BYTES) {
      throw new ScenarioFileException(sourceName, 0, "", "input is " + yaml.length() + " characters; the limit is "
          + MAX_BYTES);
    }
    LoadSettings settings = LoadSettings.builder().setLabel(sourceName).setAllowDuplicateKeys(false)
        .setMaxAliasesForCollections(10).setCodePointLimit((int) MAX_BYTES).setAllowRecursiveKeys(false).build();
    Optional<Node> root;
    try {
      root = new Compose(settings).composeString(yaml);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      throw new ScenarioFileException(sourceName, line, "", "not valid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      throw new ScenarioFileException(sourceName, 0, "", "not valid YAML: " + e.getMessage());
    }
    if (root.isEmpty()) {
      throw new ScenarioFileException(sourceName, 1, "", "the file is empty; a scenario needs at least 'services'");
    }
    try {
      return f.scenario(f.map(root.get(), ""));
    } catch (ScenarioFileException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      // A cross-field check of the model (e.g. a service that fits no instance type).
      throw new ScenarioFileException(sourceName, 0, "", e.getMessage());
    }
  }

  // ------------------------------------------------------------------ the schema

  private static final Set<String> TOP = keys("name", "seed", "replications", "horizon", "sampleEvery",
      "scaleOutTarget", "services", "fleet", "lesp", "kusp", "timeline");
  private static final Set<String> SERVICE = keys("name", "version", "instances", "request", "usage", "artifact",
      "startup", "healthCheck", "image");
  private static final Set<String> RESOURCES = keys("cpu", "memory");
  private static final Set<String> IMAGE = keys("reference", "layers");
  private static final Set<String> LAYER = keys("digest", "size");
  private static final Set<String> FLEET = keys("count", "seed");
  private static final Set<String> LESP = keys("headroom", "strategy", "imageBatch", "replaceFailed");
  private static final Set<String> KUSP = keys("nodeType", "initialNodes", "zones", "autoscaler", "schedulerProfile");
  private static final Set<String> NODE_TYPE = keys("name", "cpu", "memory", "price", "maxPods", "disk");
  private static final Set<String> AUTOSCALER = keys("min", "max", "scaleDownAfter");
  private static final Set<String> EVENT = keys("at", "release", "releaseAll", "baseImage", "load", "failure",
      "zoneOutage");
  private static final Set<String> EVENT_KINDS = keys("release", "releaseAll", "baseImage", "load", "failure",
      "zoneOutage");
  private static final Set<String> RELEASE = keys("service", "version", "kind", "healthCheckFailure");
  private static final Set<String> RELEASE_ALL = keys("version", "spacing");
  private static final Set<String> BASE_IMAGE = keys("version", "spacing");
  private static final Set<String> LOAD = keys("service", "factor", "for");
  private static final Set<String> FAILURE = keys("service", "count");
  private static final Set<String> ZONE = keys("zone");

  private Scenario scenario(Map top) {
    top.only(TOP);
    List<Service> services = new ArrayList<>();
    List<Map> serviceNodes = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Optional<Seq> listed = top.seq("services");
    if (listed.isPresent()) {
      for (Map s : listed.get().maps()) {
        Service svc = service(s);
        if (!names.add(svc.name())) {
          throw s.error("name", "duplicate service name '" + svc.name() + "'");
        }
        services.add(svc);
        serviceNodes.add(s);
      }
    }
    Optional<Map> fleet = top.map("fleet");
    if (fleet.isPresent()) {
      Map fm = fleet.get();
      fm.only(FLEET);
      int count = fm.integer("count", 0, MAX_SERVICES, null);
      long seed = fm.longValue("seed", DefaultScenario.FLEET_SEED);
      for (Service s : DefaultScenario.fleet(count, seed)) {
        if (!names.add(s.name())) {
          throw fm.error("count", "generated service '" + s.name() + "' clashes with a listed service of that name");
        }
        services.add(s);
      }
    }
    if (services.isEmpty()) {
      throw top.error(listed.isPresent() ? "services" : "", "a scenario needs at least one service"
          + " (a 'services' list or a 'fleet')");
    }
    if (services.size() > MAX_SERVICES) {
      throw top.error("services", services.size() + " services; the limit is " + MAX_SERVICES);
    }
    Workload workload = Workload.of(services);
    LespConfig lesp = top.map("lesp").map(this::lesp).orElseGet(LespConfig::defaults);
    KuspConfig kusp = top.map("kusp").map(k -> kusp(k, workload))
        .orElseGet(() -> Scenario.sized(KuspConfig.builder().build(), workload));
    // Each listed service must fit a KuSP node and a LeSP instance type: say so at its line.
    for (int i = 0; i < serviceNodes.size(); i++) {
      Service svc = services.get(i);
      if (!svc.request().fitsIn(kusp.allocatableForPods())) {
        throw serviceNodes.get(i).error("request", "service '" + svc.name() + "' request " + svc.request()
            + " does not fit a KuSP node: " + kusp.nodeType().name() + " has " + kusp.allocatableForPods()
            + " for pods; choose a larger kusp.nodeType");
      }
      try {
        lesp.menu().select(svc, lesp.agents());
      } catch (IllegalArgumentException e) {
        throw serviceNodes.get(i).error("request", e.getMessage());
      }
    }
    long horizon = top.duration("horizon", Duration.ofHours(6).toMillis());
    if (horizon <= 0) {
      throw top.error("horizon", "must be > 0, was " + top.text("horizon"));
    }
    List<TimelineEvent> events = new ArrayList<>();
    Optional<Seq> timeline = top.seq("timeline");
    if (timeline.isPresent()) {
      for (Map e : timeline.get().maps()) {
        events(e, workload, kusp, horizon, events);
        if (events.size() > MAX_EVENTS) {
          throw e.error("", "more than " + MAX_EVENTS + " events");
        }
      }
    }
    int replications = top.integer("replications", 1, Scenario.MAX_REPLICATIONS, 4);
    long seed = top.longValue("seed", 42);
    long sample = top.duration("sampleEvery", Math.max(1, horizon / 144));
    if (sample <= 0) {
      throw top.error("sampleEvery", "must be > 0, was " + top.text("sampleEvery"));
    }
    double target = top.decimal("scaleOutTarget", 0.6);
    if (!(target > 0 && target <= 1)) {
      throw top.error("scaleOutTarget", "must be in (0, 1], was " + target);
    }
    String name = top.string("name", "scenario");
    try {
      return new Scenario(name, workload, lesp, kusp, events, horizon, replications, seed, sample, target);
    } catch (IllegalArgumentException e) {
      throw top.error("", e.getMessage());
    }
  }

  private Service service(Map s) {
    s.only(SERVICE);
    String name = s.string("name", null);
    Service.Builder b = Service.builder(name)
        .version(s.string("version", "1"))
        .instances(s.integer("instances", 1, 1_000_000, null))
        .request(resources(s.required("request", Map.class)))
        .usage(resources(s.required("usage", Map.class)))
        .artifactBytes(s.bytes("artifact", 100_000_000L))
        .startup(Duration.ofMillis(s.duration("startup", 10_000L)))
        .healthCheck(Duration.ofMillis(s.duration("healthCheck", 5_000L)));
    Optional<Map> image = s.map("image");
    if (image.isPresent()) {
      Map im = image.get();
      im.only(IMAGE);
      List<ImageLayer> layers = new ArrayList<>();
      Optional<Seq> ls = im.seq("layers");
      if (ls.isPresent()) {
        for (Map l : ls.get().maps()) {
          l.only(LAYER);
          layers.add(new ImageLayer(l.string("digest", null), l.bytes("size", null)));
        }
      }
      b.image(new ImageDescription(im.string("reference", name + ":1"), layers));
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw s.error("", e.getMessage());
    }
  }

  private Resources resources(Map r) {
    r.only(RESOURCES);
    return Resources.of(r.cpu("cpu"), r.memoryMib("memory"));
  }

  private LespConfig lesp(Map m) {
    m.only(LESP);
    LespConfig.Builder b = LespConfig.builder();
    double headroom = m.decimal("headroom", 0.0);
    if (!(headroom >= 0) || headroom > 10) {
      throw m.error("headroom", "must be in [0, 10] (a fraction of the instances), was " + headroom);
    }
    b.headroom(headroom);
    if (m.has("strategy")) {
      String s = m.text("strategy").trim().toLowerCase(Locale.ROOT);
      DeployStrategy strategy;
      if (s.equals("blue-green") || s.equals("bluegreen")) {
        strategy = DeployStrategy.blueGreen();
      } else if (s.startsWith("rolling ")) {
        strategy = new DeployStrategy.Rolling(batch(m, "strategy", s.substring(8).trim()));
      } else {
        throw m.error("strategy", "expected 'rolling <n>', 'rolling <p>%' or 'blue-green', was '" + m.text("strategy")
            + "'");
      }
      b.strategy(strategy);
    }
    if (m.has("imageBatch")) {
      b.imageBatch(batch(m, "imageBatch", m.text("imageBatch").trim()));
    }
    b.replaceFailed(m.bool("replaceFailed", true));
    return b.build();
  }

  private BatchSize batch(Map m, String field, String v) {
    try {
      if (v.endsWith("%")) {
        return BatchSize.percent(Integer.parseInt(v.substring(0, v.length() - 1).trim()));
      }
      return BatchSize.machines(Integer.parseInt(v));
    } catch (NumberFormatException e) {
      throw m.error(field, "expected a machine count or a percentage like 25%, was '" + v + "'");
    } catch (IllegalArgumentException e) {
      throw m.error(field, e.getMessage());
    }
  }

  private KuspConfig kusp(Map m, Workload workload) {
    m.only(KUSP);
    KuspConfig.Builder b = KuspConfig.builder();
    Optional<Map> nt = m.map("nodeType");
    if (nt.isPresent()) {
      Map n = nt.get();
      n.only(NODE_TYPE);
      try {
        b.nodeType(new NodeType(n.string("name", null), Resources.of(n.cpu("cpu"), n.memoryMib("memory")),
            n.bytes("disk", 100_000_000_000L), n.decimal("price", null),
            n.integer("maxPods", 1, 10_000, NodeType.DEFAULT_MAX_PODS)));
      } catch (ScenarioFileException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw n.error("", e.getMessage());
      }
    }
    Optional<Seq> zones = m.seq("zones");
    if (zones.isPresent()) {
      List<String> z = zones.get().strings();
      if (z.isEmpty() || new HashSet<>(z).size() != z.size()) {
        throw m.error("zones", "must be a non-empty list of distinct names, was " + z);
      }
      b.zones(z.toArray(new String[0]));
    }
    if (m.has("schedulerProfile")) {
      b.schedulerProfile(m.text("schedulerProfile"));
    }
    KuspConfig base;
    try {
      base = b.build();
    } catch (IllegalArgumentException e) {
      throw m.error("", e.getMessage());
    }
    int auto = Scenario.nodesFor(workload, base);
    int initial = auto;
    if (m.has("initialNodes") && !m.text("initialNodes").trim().equals("auto")) {
      initial = m.integer("initialNodes", 0, 100_000, null);
    }
    b.initialNodes(initial);
    Optional<Node> as = m.node("autoscaler");
    if (as.isEmpty()) {
      b.clusterAutoscaling(ClusterAutoscaling.between(Math.max(1, initial / 2), Math.max(2, 3 * Math.max(initial, 1))));
    } else if (as.get() instanceof ScalarNode sc && sc.getValue().equals("false")) {
      b.clusterAutoscaling(null);
    } else {
      Map a = map(as.get(), m.path("autoscaler"));
      a.only(AUTOSCALER);
      int min = a.integer("min", 0, 100_000, 0);
      int max = a.integer("max", 1, 100_000, null);
      if (max < min) {
        throw a.error("max", "must be >= min " + min + ", was " + max);
      }
      // scale-down-unneeded-time 10 min: kubernetes/autoscaler cluster-autoscaler/FAQ.md.
      long unneeded = a.has("scaleDownAfter") ? a.duration("scaleDownAfter", null) : 600_000;
      b.clusterAutoscaling(new ClusterAutoscaling(min, max, 10_000, unneeded, 600_000, 0.5));
    }
    return b.build();
  }

  private void events(Map e, Workload workload, KuspConfig kusp, long horizon, List<TimelineEvent> out) {
    e.only(EVENT);
    long at = e.duration("at", null);
    if (at >= horizon) {
      throw e.error("at", TimelineEvent.clock(at) + " is at or after the horizon " + TimelineEvent.clock(horizon));
    }
    List<String> kinds = new ArrayList<>();
    for (String k : EVENT_KINDS) {
      if (e.has(k)) {
        kinds.add(k);
      }
    }
    if (kinds.size() != 1) {
      throw e.error("", "an event needs 'at' and exactly one of " + EVENT_KINDS + ", had " + kinds);
    }
    String kind = kinds.get(0);
    Map body = e.required(kind, Map.class);
    switch (kind) {
      case "release" -> {
        body.only(RELEASE);
        String service = knownService(body, workload);
        String k = body.string("kind", "app");
        Release.Kind rk = switch (k) {
          case "app" -> Release.Kind.APP;
          case "baseImage" -> Release.Kind.BASE_IMAGE;
          default -> throw body.error("kind", "expected 'app' or 'baseImage', was '" + k + "'"
              + Suggestions.didYouMean(k, List.of("app", "baseImage")));
        };
        double p = body.decimal("healthCheckFailure", 0.0);
        if (!(p >= 0 && p <= 1)) {
          throw body.error("healthCheckFailure", "must be a probability in [0, 1], was " + p);
        }
        out.add(new ApplyRelease(at, new Release(service, rk, body.string("version", null), p)));
      }
      case "releaseAll", "baseImage" -> {
        body.only(kind.equals("releaseAll") ? RELEASE_ALL : BASE_IMAGE);
        String version = body.string("version", null);
        long spacing = body.duration("spacing", 0L);
        long t = at;
        for (Service s : workload.services()) {
          out.add(new ApplyRelease(t, kind.equals("releaseAll") ? Release.app(s.name(), version)
              : Release.baseImage(s.name(), version)));
          t += spacing;
        }
        if (t - spacing >= horizon) {
          throw body.error("spacing", "the last release would start at " + TimelineEvent.clock(t - spacing)
              + ", at or after the horizon " + TimelineEvent.clock(horizon));
        }
      }
      case "load" -> {
        body.only(LOAD);
        String service = knownService(body, workload);
        double factor = body.decimal("factor", null);
        if (!(factor >= 0) || Double.isInfinite(factor)) {
          throw body.error("factor", "must be a finite number >= 0, was " + body.text("factor"));
        }
        out.add(new LoadChange(at, service, factor));
        if (body.has("for")) {
          long length = body.duration("for", null);
          out.add(new LoadChange(at + length, service, 1.0));
        }
      }
      case "failure" -> {
        body.only(FAILURE);
        String service = knownService(body, workload);
        out.add(new MachineFailure(at, service, body.integer("count", 1, 100_000, 1)));
      }
      default -> {
        body.only(ZONE);
        String zone = body.string("zone", null);
        if (!kusp.zones().contains(zone)) {
          throw body.error("zone", "unknown zone '" + zone + "'" + Suggestions.didYouMean(zone, kusp.zones()));
        }
        out.add(new ZoneOutage(at, zone));
      }
    }
  }

  private String knownService(Map body, Workload workload) {
    String service = body.string("service", null);
    if (!workload.contains(service)) {
      List<String> names = workload.services().stream().map(Service::name).toList();
      throw body.error("service", "unknown service '" + service + "'" + Suggestions.didYouMean(service, names));
    }
    return service;
  }

  // ------------------------------------------------------------------ units

  private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
  private static final Pattern QUANTITY = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]*)");

  /** Milliseconds of {@code 1h30m}, {@code 90s}, {@code 250ms}; null if malformed. */
  static Long parseDuration(String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      return null;
    }
    Matcher m = DURATION_PART.matcher(t);
    int pos = 0;
    double total = 0;
    while (pos < t.length()) {
      if (!m.find(pos) || m.start() != pos) {
        return null;
      }
      double v = Double.parseDouble(m.group(1));
      total += v * switch (m.group(2)) {
        case "ms" -> 1;
        case "s" -> 1_000;
        case "m" -> 60_000;
        case "h" -> 3_600_000;
        default -> 86_400_000;
      };
      pos = m.end();
    }
    return total > Long.MAX_VALUE / 2 ? null : Math.round(total);
  }

  // ------------------------------------------------------------------ node access

  private static Set<String> keys(String... k) {
    return new LinkedHashSet<>(List.of(k));
  }

  private int line(Node n) {
    return n.getStartMark().map(Mark::getLine).map(l -> l + 1).orElse(0);
  }

  private Map map(Node n, String path) {
    noAnchor(n, path);
    if (!(n instanceof MappingNode mn)) {
      throw new ScenarioFileException(file, line(n), path, "expected a mapping (key: value lines), was " + shape(n));
    }
    return new Map(mn, path);
  }

  private void noAnchor(Node n, String path) {
    if (n.getAnchor().isPresent()) {
      throw new ScenarioFileException(file, line(n), path, "anchors and aliases (&, *) are not supported");
    }
  }

  private static String shape(Node n) {
    if (n instanceof ScalarNode s) {
      return "'" + s.getValue() + "'";
    }
    return n instanceof SequenceNode ? "a list" : "a mapping";
  }

  /** A YAML sequence with its path. */
  private final class Seq {
    final SequenceNode node;
    final String path;

    Seq(SequenceNode node, String path) {
      this.node = node;
      this.path = path;
    }

    List<Map> maps() {
      List<Map> out = new ArrayList<>();
      List<Node> items = node.getValue();
      for (int i = 0; i < items.size(); i++) {
        out.add(map(items.get(i), path + "[" + i + "]"));
      }
      return out;
    }

    List<String> strings() {
      List<String> out = new ArrayList<>();
      List<Node> items = node.getValue();
      for (int i = 0; i < items.size(); i++) {
        Node n = items.get(i);
        noAnchor(n, path + "[" + i + "]");
        if (!(n instanceof ScalarNode s) || s.getValue().isBlank()) {
          throw new ScenarioFileException(file, line(n), path + "[" + i + "]", "expected a name, was " + shape(n));
        }
        out.add(s.getValue());
      }
      return out;
    }
  }

  /** A YAML mapping with its path; typed reads that report file, line and field. */
  private final class Map {
    final MappingNode node;
    final String path;
    final java.util.Map<String, NodeTuple> entries = new java.util.LinkedHashMap<>();

    Map(MappingNode node, String path) {
      this.node = node;
      this.path = path;
      for (NodeTuple t : node.getValue()) {
        Node k = t.getKeyNode();
        if (!(k instanceof ScalarNode ks)) {
          throw new ScenarioFileException(file, line(k), path, "keys must be plain names, was " + shape(k));
        }
        noAnchor(t.getValueNode(), path(ks.getValue()));
        if (entries.put(ks.getValue(), t) != null) {
          throw new ScenarioFileException(file, line(k), path(ks.getValue()), "duplicate key");
        }
      }
    }

    String path(String key) {
      return path.isEmpty() ? key : path + "." + key;
    }

    ScenarioFileException error(String key, String problem) {
      NodeTuple t = key.isEmpty() ? null : entries.get(key);
      int l = t != null ? line(t.getValueNode()) : line(node);
      return new ScenarioFileException(file, l, key.isEmpty() ? path : path(key), problem);
    }

    void only(Set<String> allowed) {
      for (java.util.Map.Entry<String, NodeTuple> e : entries.entrySet()) {
        if (!allowed.contains(e.getKey())) {
          throw new ScenarioFileException(file, line(e.getValue().getKeyNode()), path(e.getKey()),
              "unknown field '" + e.getKey() + "'" + Suggestions.didYouMean(e.getKey(), allowed));
        }
      }
    }

    boolean has(String key) {
      return entries.containsKey(key);
    }

    Optional<Node> node(String key) {
      NodeTuple t = entries.get(key);
      return t == null ? Optional.empty() : Optional.of(t.getValueNode());
    }

    Optional<Map> map(String key) {
      return node(key).map(n -> ScenarioFile.this.map(n, path(key)));
    }

    Optional<Seq> seq(String key) {
      Optional<Node> n = node(key);
      if (n.isEmpty()) {
        return Optional.empty();
      }
      if (!(n.get() instanceof SequenceNode sn)) {
        throw error(key, "expected a list ('- ' items), was " + shape(n.get()));
      }
      return Optional.of(new Seq(sn, path(key)));
    }

    @SuppressWarnings("unchecked")
    <T> T required(String key, Class<T> type) {
      if (!has(key)) {
        throw new ScenarioFileException(file, line(node), path(key), "missing; it is required");
      }
      return (T) map(key).orElseThrow();
    }

    /** The scalar text of {@code key}; errors if missing or not a scalar. */
    String text(String key) {
      if (!has(key)) {
        throw new ScenarioFileException(file, line(node), path(key), "missing; it is required");
      }
      Node n = entries.get(key).getValueNode();
      if (!(n instanceof ScalarNode s)) {
        throw error(key, "expected a single value, was " + shape(n));
      }
      return s.getValue();
    }

    String string(String key, String dflt) {
      if (!has(key)) {
        if (dflt == null) {
          text(key);
        }
        return dflt;
      }
      String v = text(key);
      if (v.isBlank()) {
        throw error(key, "must not be blank");
      }
      return v;
    }

    int integer(String key, int min, int max, Integer dflt) {
      if (!has(key)) {
        if (dflt == null) {
          text(key);
        }
        return dflt;
      }
      String v = text(key).trim();
      long n;
      try {
        n = Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw error(key, "expected a whole number, was '" + v + "'");
      }
      if (n < min || n > max) {
        throw error(key, "must be in [" + min + ", " + max + "], was " + n);
      }
      return (int) n;
    }

    long longValue(String key, long dflt) {
      if (!has(key)) {
        return dflt;
      }
      String v = text(key).trim();
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw error(key, "expected a whole number, was '" + v + "'");
      }
    }

    double decimal(String key, Double dflt) {
      if (!has(key)) {
        if (dflt == null) {
          text(key);
        }
        return dflt;
      }
      String v = text(key).trim();
      try {
        double d = Double.parseDouble(v);
        if (!Double.isFinite(d)) {
          throw error(key, "must be finite, was '" + v + "'");
        }
        return d;
      } catch (NumberFormatException e) {
        throw error(key, "expected a number, was '" + v + "'");
      }
    }

    boolean bool(String key, boolean dflt) {
      if (!has(key)) {
        return dflt;
      }
      String v = text(key).trim();
      if (v.equals("true") || v.equals("false")) {
        return Boolean.parseBoolean(v);
      }
      throw error(key, "expected true or false, was '" + v + "'");
    }

    long duration(String key, Long dflt) {
      if (!has(key)) {
        if (dflt == null) {
          text(key);
        }
        return dflt;
      }
      String v = text(key);
      Long ms = parseDuration(v);
      if (ms == null) {
        throw error(key, "expected a duration with a unit, e.g. 90s, 10m, 1h30m, 250ms (units ms s m h d), was '"
            + v + "'");
      }
      return ms;
    }

    /** Millicores: {@code 500m} or cores {@code 2} / {@code 0.5} (Kubernetes CPU quantity). */
    long cpu(String key) {
      String v = text(key).trim();
      Matcher m = QUANTITY.matcher(v);
      if (m.matches() && (m.group(2).isEmpty() || m.group(2).equals("m"))) {
        double n = Double.parseDouble(m.group(1));
        return m.group(2).isEmpty() ? Math.round(n * 1000) : Math.round(n);
      }
      throw error(key, "expected CPU as millicores like 500m or cores like 2 or 0.5, was '" + v + "'");
    }

    /** MiB from a Kubernetes memory quantity with a unit: {@code 512Mi}, {@code 4Gi}, {@code 1G}. */
    long memoryMib(String key) {
      String v = text(key).trim();
      Matcher m = QUANTITY.matcher(v);
      if (m.matches()) {
        double n = Double.parseDouble(m.group(1));
        Double bytes = switch (m.group(2)) {
          case "Ki" -> n * 1024;
          case "Mi" -> n * 1024 * 1024;
          case "Gi" -> n * 1024 * 1024 * 1024;
          case "Ti" -> n * 1024 * 1024 * 1024 * 1024;
          case "k" -> n * 1e3;
          case "M" -> n * 1e6;
          case "G" -> n * 1e9;
          case "T" -> n * 1e12;
          default -> null;
        };
        if (bytes != null) {
          return (long) Math.ceil(bytes / (1024 * 1024) - 1e-9);
        }
      }
      throw error(key, "expected memory with a unit like 512Mi, 4Gi or 2G (Ki Mi Gi Ti k M G T), was '" + v + "'");
    }

    /** Bytes from a size with a unit: {@code 200MB}, {@code 1.5GB}, {@code 30MiB}, {@code 512B}. */
    long bytes(String key, Long dflt) {
      if (!has(key)) {
        if (dflt == null) {
          text(key);
        }
        return dflt;
      }
      String v = text(key).trim();
      Matcher m = QUANTITY.matcher(v);
      if (m.matches()) {
        double n = Double.parseDouble(m.group(1));
        Double b = switch (m.group(2)) {
          case "B" -> n;
          case "kB", "KB" -> n * 1e3;
          case "MB" -> n * 1e6;
          case "GB" -> n * 1e9;
          case "TB" -> n * 1e12;
          case "KiB" -> n * 1024;
          case "MiB" -> n * 1024 * 1024;
          case "GiB" -> n * 1024 * 1024 * 1024;
          default -> null;
        };
        if (b != null && b < Long.MAX_VALUE / 2) {
          return Math.round(b);
        }
      }
      throw error(key, "expected a size with a unit like 200MB, 1.5GB or 30MiB (B kB MB GB TB KiB MiB GiB), was '"
          + v + "'");
    }
  }
}
