package io.platformsim.fleet.manifests;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Kubernetes manifests: files and directories (recursively, {@code .yaml}, {@code .yml} and
 * {@code .json} files, sorted by path), multi-document YAML (empty documents, as {@code helm
 * template} leaves, are ignored), JSON (a YAML 1.2 subset, read by the same parser) and {@code
 * kind: List} (items in order).
 *
 * <p>LimitRange documents are not workloads: their container defaults fill the missing requests and
 * limits of every workload of their namespace, wherever they appear in the input ({@link
 * LimitRangeDefaults}).
 *
 * <p>Deployment, StatefulSet, DaemonSet, ReplicaSet and bare Pod documents become {@link
 * ImportedWorkload}s through fabric8's model classes; every other kind is counted as skipped.
 * Errors are {@link ManifestException}s naming file, document index, line, field and value: a file
 * that does not parse, a document that is not a mapping or lacks {@code kind}, a workload without
 * {@code metadata.name}, a bad quantity, negative replicas, an empty input, and a duplicate
 * workload (same kind, namespace and name), which names both places.
 *
 * <p>Node affinity, required pod anti-affinity and topology spread constraints become the
 * scheduler's placement values ({@link Placement}); what the scheduler cannot model is listed in
 * {@link ImportReport#notModelled()}. A container still lacking a request gets the reader's {@link
 * DefaultRequest} (the scheduler's non-zero default unless configured). Immutable and thread-safe.
 */
public final class ManifestReader {

  private static final List<String> WORKLOAD_KINDS =
      List.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Pod");

  private final JsonMapper mapper = JsonMapper.builder().build();
  private final DefaultRequest fallback;

  /** A reader whose fallback for a missing request is {@link DefaultRequest#SCHEDULER_NON_ZERO}. */
  public ManifestReader() {
    this(DefaultRequest.SCHEDULER_NON_ZERO);
  }

  /**
   * A reader giving {@code fallback} to every container still lacking a request after defaulting
   * and LimitRanges ({@code --default-request}).
   */
  public ManifestReader(DefaultRequest fallback) {
    this.fallback = java.util.Objects.requireNonNull(fallback, "fallback");
  }

  /** A reader like this one with another fallback for missing requests. */
  public ManifestReader withDefaultRequest(DefaultRequest fallback) {
    return new ManifestReader(fallback);
  }

  /** The fallback this reader gives a container lacking a request. */
  public DefaultRequest defaultRequest() {
    return fallback;
  }

  /**
   * Reads every manifest under {@code paths} (files or directories).
   *
   * @throws ManifestException on bad input (see the class comment)
   */
  public ImportedWorkloads read(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      files.addAll(manifestFiles(p));
    }
    if (files.isEmpty()) {
      throw new ManifestException(
          String.valueOf(paths), -1, 0, "", "no .yaml, .yml or .json file found");
    }
    Found found = new Found();
    for (Path f : files) {
      readFile(f, found);
    }
    // Second pass: LimitRanges, PriorityClasses, HPAs and PDBs anywhere in the input apply.
    List<ImportedWorkload> workloads = new ArrayList<>();
    for (Parsed p : found.parsed) {
      try {
        workloads.add(build(p, found));
      } catch (FieldProblem e) {
        throw new ManifestException(
            p.at.file(), p.at.document(), p.at.line(), e.field(), e.getMessage());
      }
    }
    found.attachments.countUnattached(found.skipped);
    return new ImportedWorkloads(workloads, found.skipped);
  }

  /** Reads the given files or directories. */
  public ImportedWorkloads read(Path... paths) {
    return read(List.of(paths));
  }

  private static List<Path> manifestFiles(Path p) {
    if (!Files.exists(p)) {
      throw new ManifestException(p.toString(), -1, 0, "", "no such file or directory");
    }
    if (!Files.isDirectory(p)) {
      return List.of(p);
    }
    try (Stream<Path> s = Files.walk(p)) {
      return s.filter(Files::isRegularFile)
          .filter(
              f -> {
                String n = f.getFileName().toString();
                return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new ManifestException(p.toString(), -1, 0, "", "cannot list: " + e.getMessage());
    }
  }

  /** What the first pass collects. */
  private static final class Found {
    final List<Parsed> parsed = new ArrayList<>();
    final Map<String, Integer> skipped = new HashMap<>();
    final Map<String, String> seen = new HashMap<>();
    final LimitRangeDefaults limitRanges = new LimitRangeDefaults();
    final Attachments attachments = new Attachments();
    final Map<String, Integer> priorityClasses = new HashMap<>(BUILT_IN_PRIORITY_CLASSES);
    int globalDefaultPriority = 0;
  }

  /**
   * The built-in PriorityClasses (SystemCriticalPriority = 2000000000 and node-critical 1000 above
   * it, kubernetes/kubernetes pkg/apis/scheduling/types.go).
   */
  private static final Map<String, Integer> BUILT_IN_PRIORITY_CLASSES =
      Map.of("system-cluster-critical", 2_000_000_000, "system-node-critical", 2_000_001_000);

  /** A workload document read into fabric8's model, its request not yet computed. */
  private record Parsed(
      String kind,
      String namespace,
      String name,
      PodTemplateSpec template,
      int replicas,
      RolloutStrategy strategy,
      String specPath,
      Location at) {}

  private void readFile(Path f, Found found) {
    String file = f.toString();
    LoadSettings settings = LoadSettings.builder().setLabel(file).build();
    List<Node> docs = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      new Compose(settings).composeAllFromReader(r).forEach(docs::add);
    } catch (IOException e) {
      throw new ManifestException(file, -1, 0, "", "cannot read: " + e.getMessage());
    } catch (MarkedYamlEngineException e) {
      // the parser's message spans several lines with a caret drawing; keep context and problem
      int line = e.getContextMark().or(e::getProblemMark).map(m -> m.getLine() + 1).orElse(0);
      String context = e.getContext() == null ? "" : e.getContext().trim() + ": ";
      String problem = e.getProblem() == null ? "" : e.getProblem().trim();
      String where =
          e.getProblemMark()
              .map(m -> " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
              .orElse("");
      throw new ManifestException(
          file, docs.size(), line, "", "not YAML or JSON: " + context + problem + where);
    } catch (YamlEngineException e) {
      throw new ManifestException(
          file, docs.size(), 0, "", "not YAML or JSON: " + e.getMessage().replace('\n', ' '));
    }
    for (int d = 0; d < docs.size(); d++) {
      Node node = docs.get(d);
      int line = node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
      Object value = new StandardConstructor(settings).constructSingleDocument(Optional.of(node));
      if (value == null) {
        continue; // an empty document, e.g. a template helm rendered to nothing
      }
      Location at = new Location(file, d, line);
      try {
        readObject(value, "", at, found);
      } catch (FieldProblem p) {
        throw new ManifestException(file, d, line, p.field(), p.getMessage());
      }
    }
  }

  private record Location(String file, int document, int line) {
    String source() {
      return file + "#" + document;
    }
  }

  private void readObject(Object value, String path, Location at, Found found) {
    if (!(value instanceof Map<?, ?> doc)) {
      throw new FieldProblem(path, "a manifest must be a mapping, was '" + value + "'");
    }
    Object kindValue = doc.get("kind");
    if (!(kindValue instanceof String kind) || kind.isBlank()) {
      throw new FieldProblem(join(path, "kind"), "missing or not a string: '" + kindValue + "'");
    }
    if (kind.equals("List") || kind.endsWith("List") && doc.get("items") instanceof List<?>) {
      Object items = doc.get("items");
      if (items == null) {
        return;
      }
      if (!(items instanceof List<?> list)) {
        throw new FieldProblem(join(path, "items"), "must be a list, was '" + items + "'");
      }
      for (int i = 0; i < list.size(); i++) {
        readObject(list.get(i), join(path, "items[" + i + "]"), at, found);
      }
      return;
    }
    if (kind.equals("LimitRange")) {
      LimitRange range;
      try {
        range = mapper.convertValue(doc, LimitRange.class);
      } catch (RuntimeException e) {
        throw new FieldProblem(path, "not a valid LimitRange: " + firstLine(e.getMessage()));
      }
      found.limitRanges.add(namespace(range.getMetadata()), range);
      return;
    }
    if (kind.equals("HorizontalPodAutoscaler") && "autoscaling/v2".equals(doc.get("apiVersion"))) {
      HorizontalPodAutoscaler hpa = convert(doc, HorizontalPodAutoscaler.class, kind, path);
      found.attachments.add(hpa, namespace(hpa.getMetadata()), path, at.source());
      return;
    }
    if (kind.equals("PodDisruptionBudget")) {
      PodDisruptionBudget pdb = convert(doc, PodDisruptionBudget.class, kind, path);
      found.attachments.add(pdb, namespace(pdb.getMetadata()), path, at.source());
      return;
    }
    if (kind.equals("PriorityClass")) {
      priorityClass(doc, path, found);
      return;
    }
    if (!WORKLOAD_KINDS.contains(kind)) {
      found.skipped.merge(kind, 1, Integer::sum);
      return;
    }
    Parsed w = parse(kind, doc, path, at);
    String key = kind + " " + w.namespace() + "/" + w.name();
    String earlier = found.seen.putIfAbsent(key, at.source());
    if (earlier != null) {
      throw new FieldProblem(
          join(path, "metadata.name"),
          "duplicate " + key + ", first defined in " + earlier + ", again in " + at.source());
    }
    found.parsed.add(w);
  }

  private <T> T convert(Map<?, ?> doc, Class<T> type, String kind, String path) {
    try {
      return mapper.convertValue(doc, type);
    } catch (RuntimeException e) {
      throw new FieldProblem(path, "not a valid " + kind + ": " + firstLine(e.getMessage()));
    }
  }

  /** Records a PriorityClass's value, and its value as the default if it is the global one. */
  private static void priorityClass(Map<?, ?> doc, String path, Found found) {
    Object meta = doc.get("metadata");
    Object name = meta instanceof Map<?, ?> m ? m.get("name") : null;
    if (!(name instanceof String n) || n.isBlank()) {
      throw new FieldProblem(join(path, "metadata.name"), "missing in PriorityClass");
    }
    Object value = doc.get("value");
    if (!(value instanceof Integer v)) {
      throw new FieldProblem(join(path, "value"), "must be a 32-bit integer, was '" + value + "'");
    }
    found.priorityClasses.put(n, v);
    if (Boolean.TRUE.equals(doc.get("globalDefault"))) {
      found.globalDefaultPriority = v;
    }
  }

  private static String namespace(ObjectMeta meta) {
    return meta == null || meta.getNamespace() == null || meta.getNamespace().isBlank()
        ? "default"
        : meta.getNamespace();
  }

  private Parsed parse(String kind, Map<?, ?> doc, String path, Location at) {
    ObjectMeta meta;
    PodTemplateSpec template;
    Integer replicas;
    IntFunction<RolloutStrategy> strategy;
    String strategyPath = join(path, "spec.strategy");
    try {
      switch (kind) {
        case "Deployment" -> {
          Deployment o = mapper.convertValue(doc, Deployment.class);
          meta = o.getMetadata();
          template = o.getSpec() == null ? null : o.getSpec().getTemplate();
          replicas = o.getSpec() == null ? null : o.getSpec().getReplicas();
          var s = o.getSpec() == null ? null : o.getSpec().getStrategy();
          strategy = n -> RolloutStrategy.deployment(s, n, strategyPath);
        }
        case "StatefulSet" -> {
          StatefulSet o = mapper.convertValue(doc, StatefulSet.class);
          meta = o.getMetadata();
          template = o.getSpec() == null ? null : o.getSpec().getTemplate();
          replicas = o.getSpec() == null ? null : o.getSpec().getReplicas();
          var s = o.getSpec() == null ? null : o.getSpec().getUpdateStrategy();
          strategy = n -> RolloutStrategy.statefulSet(s, n, join(path, "spec.updateStrategy"));
        }
        case "ReplicaSet" -> {
          ReplicaSet o = mapper.convertValue(doc, ReplicaSet.class);
          meta = o.getMetadata();
          template = o.getSpec() == null ? null : o.getSpec().getTemplate();
          replicas = o.getSpec() == null ? null : o.getSpec().getReplicas();
          strategy = n -> RolloutStrategy.NONE;
        }
        case "DaemonSet" -> {
          DaemonSet o = mapper.convertValue(doc, DaemonSet.class);
          meta = o.getMetadata();
          template = o.getSpec() == null ? null : o.getSpec().getTemplate();
          replicas = 1;
          var s = o.getSpec() == null ? null : o.getSpec().getUpdateStrategy();
          strategy = n -> RolloutStrategy.daemonSet(s, n, join(path, "spec.updateStrategy"));
        }
        default -> {
          Pod o = mapper.convertValue(doc, Pod.class);
          meta = o.getMetadata();
          template = new PodTemplateSpec(o.getMetadata(), o.getSpec());
          replicas = 1;
          strategy = n -> RolloutStrategy.NONE;
        }
      }
    } catch (RuntimeException e) {
      throw new FieldProblem(path, "not a valid " + kind + ": " + firstLine(e.getMessage()));
    }
    if (meta == null || meta.getName() == null || meta.getName().isBlank()) {
      throw new FieldProblem(join(path, "metadata.name"), "missing in " + kind);
    }
    String specPath = kind.equals("Pod") ? join(path, "spec") : join(path, "spec.template.spec");
    if (template == null || template.getSpec() == null) {
      throw new FieldProblem(specPath, "missing in " + kind + " " + meta.getName());
    }
    int n = replicas == null ? 1 : replicas; // SetDefaults_Deployment & co. default replicas to 1
    if (n < 0) {
      throw new FieldProblem(join(path, "spec.replicas"), "must be >= 0, was " + n);
    }
    List<Container> containers = template.getSpec().getContainers();
    if (containers == null || containers.isEmpty()) {
      throw new FieldProblem(specPath + ".containers", "a pod needs at least one container");
    }
    String image = containers.get(0).getImage();
    if (image == null || image.isBlank()) {
      throw new FieldProblem(specPath + ".containers[0].image", "missing");
    }
    return new Parsed(
        kind, namespace(meta), meta.getName(), template, n, strategy.apply(n), specPath, at);
  }

  private ImportedWorkload build(Parsed p, Found found) {
    LimitRangeDefaults limitRanges = found.limitRanges;
    String namespace = p.namespace();
    String specPath = p.specPath();
    PodTemplateSpec template = p.template();
    String image = template.getSpec().getContainers().get(0).getImage();
    PodSpec spec = template.getSpec();
    limitRanges.apply(namespace, spec);
    PodRequest asWritten = PodRequests.of(spec, specPath);
    PodRequest withFallback = PodRequests.withFallback(spec, specPath, fallback);
    Resources request =
        Resources.of(withFallback.cpuMillis(), Resources.mibOfBytes(withFallback.memoryBytes()));
    Service service =
        Service.builder(namespace.equals("default") ? p.name() : p.name() + "." + namespace)
            .instances(Math.max(1, p.replicas()))
            .request(request)
            .usage(Resources.of(request.milliCpu() / 4, request.memoryMib() / 4))
            .image(ImageDescription.named(image))
            .build();
    Map<String, String> labels =
        template.getMetadata() == null || template.getMetadata().getLabels() == null
            ? Map.of()
            : new LinkedHashMap<>(template.getMetadata().getLabels());
    return new ImportedWorkload(
        p.kind(),
        namespace,
        p.name(),
        p.at().source(),
        p.replicas(),
        image,
        labels,
        asWritten,
        service,
        details(p, found));
  }

  private static WorkloadDetails details(Parsed p, Found found) {
    PodSpec spec = p.template().getSpec();
    String className = spec.getPriorityClassName() == null ? "" : spec.getPriorityClassName();
    int priority = found.globalDefaultPriority;
    if (!className.isEmpty()) {
      Integer value = found.priorityClasses.get(className);
      if (value == null) {
        // the Priority admission plugin rejects a pod naming a class that does not exist
        throw new FieldProblem(
            p.specPath() + ".priorityClassName",
            "no PriorityClass named '" + className + "' in the manifests");
      }
      priority = value;
    }
    Map<String, String> selector =
        spec.getNodeSelector() == null ? Map.of() : new TreeMap<>(spec.getNodeSelector());
    List<String> tolerations = new ArrayList<>();
    if (spec.getTolerations() != null) {
      for (Toleration t : spec.getTolerations()) {
        tolerations.add(toleration(t));
      }
    }
    Container first = spec.getContainers().get(0);
    Placement placement = Placement.of(spec, p.specPath());
    return new WorkloadDetails(
        p.strategy(),
        className,
        priority,
        selector,
        tolerations,
        Optional.ofNullable(ProbeTiming.of(first.getReadinessProbe())),
        Optional.ofNullable(ProbeTiming.of(first.getLivenessProbe())),
        found.attachments.autoscaler(p.kind(), p.namespace(), p.name()),
        found.attachments.disruptionBudget(p.namespace(), labels(p.template()), p.replicas()),
        placement.required(),
        placement.preferred(),
        placement.antiAffinity(),
        placement.spread(),
        placement.notModelled());
  }

  private static Map<String, String> labels(PodTemplateSpec template) {
    return template.getMetadata() == null || template.getMetadata().getLabels() == null
        ? Map.of()
        : template.getMetadata().getLabels();
  }

  private static String toleration(Toleration t) {
    String key = t.getKey() == null || t.getKey().isEmpty() ? "*" : t.getKey();
    String effect = t.getEffect() == null || t.getEffect().isEmpty() ? "" : ":" + t.getEffect();
    // tolerationSeconds (NoExecute only) as a " for <n>s" suffix, so the scenario keeps it
    String seconds =
        t.getTolerationSeconds() == null ? "" : " for " + t.getTolerationSeconds() + "s";
    if ("Exists".equals(t.getOperator())) {
      return key + effect + seconds;
    }
    return key + "=" + (t.getValue() == null ? "" : t.getValue()) + effect + seconds;
  }

  private static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
