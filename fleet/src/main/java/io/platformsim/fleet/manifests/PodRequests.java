package io.platformsim.fleet.manifests;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The per-pod effective request of a pod spec, as upstream computes it.
 *
 * <p>The rule is {@code PodRequests} of kubernetes/kubernetes
 * staging/src/k8s.io/component-helpers/resource/helpers.go (the same as pkg/api/v1/resource
 * helpers.go before it moved): the sum over app containers; each init container in order takes its
 * own request plus the restartable (sidecar, {@code restartPolicy: Always}) init containers started
 * before it, and the pod needs the max of that over init containers; a sidecar's request is also
 * added to the app containers' sum; pod overhead ({@code spec.overhead}) is added last. Max and sum
 * are per resource (CPU and memory separately).
 *
 * <p>Before that, API-server defaulting is applied: a container with a limit but no request for a
 * resource requests its limit ({@code SetDefaults_Pod}, kubernetes/kubernetes
 * pkg/apis/core/v1/defaults.go). Pod-level resources ({@code spec.resources}) are not modelled.
 *
 * <p>The fallback for a container still lacking a request is the scheduler's own non-zero default,
 * applied per container: {@value #DEFAULT_CPU_MILLIS} millicores and 200 MiB ({@code
 * DefaultMilliCPURequest} and {@code DefaultMemoryRequest}, kubernetes/kubernetes
 * pkg/scheduler/util/pod_resources.go, used by {@code GetNonzeroRequests}).
 */
public final class PodRequests {

  /** Fallback CPU request of a container without one, millicores (scheduler non-zero default). */
  public static final long DEFAULT_CPU_MILLIS = 100;

  /** Fallback memory request of a container without one, bytes (200 MiB, same source). */
  public static final long DEFAULT_MEMORY_BYTES = 200L * 1024 * 1024;

  private static final String CPU = "cpu";
  private static final String MEMORY = "memory";

  private PodRequests() {}

  /**
   * The effective request of {@code spec} as written (a missing request counts 0 and is listed).
   *
   * @param spec the pod spec
   * @param field the path of {@code spec} in its document, for error messages
   * @throws FieldProblem on a quantity that does not parse
   */
  static PodRequest of(PodSpec spec, String field) {
    return compute(spec, field, null);
  }

  /** As {@link #of}, with {@code fallback} for every missing container request. */
  static PodRequest withFallback(PodSpec spec, String field, DefaultRequest fallback) {
    return compute(spec, field, fallback);
  }

  /** The effective request of {@code spec} as written, for callers outside the reader. */
  public static PodRequest of(PodSpec spec) {
    return of(spec, "spec");
  }

  /** The effective request with the fallback applied, for callers outside the reader. */
  public static PodRequest withFallback(PodSpec spec) {
    return withFallback(spec, "spec", DefaultRequest.SCHEDULER_NON_ZERO);
  }

  /** The effective request with {@code fallback} for every missing container request. */
  public static PodRequest withFallback(PodSpec spec, DefaultRequest fallback) {
    return withFallback(spec, "spec", fallback);
  }

  /** {@code fallback} null: as written, missing requests count 0 and are listed. */
  private static PodRequest compute(PodSpec spec, String field, DefaultRequest fallback) {
    List<String> missing = new ArrayList<>();
    long[] apps = new long[2];
    List<Container> containers = orEmpty(spec.getContainers());
    for (int i = 0; i < containers.size(); i++) {
      long[] r = request(containers.get(i), field + ".containers[" + i + "]", fallback, missing);
      add(apps, r);
    }
    long[] sidecars = new long[2];
    long[] init = new long[2];
    List<Container> inits = orEmpty(spec.getInitContainers());
    for (int i = 0; i < inits.size(); i++) {
      Container c = inits.get(i);
      long[] r = request(c, field + ".initContainers[" + i + "]", fallback, missing);
      long[] needed;
      if ("Always".equals(c.getRestartPolicy())) {
        add(apps, r);
        add(sidecars, r);
        needed = sidecars.clone();
      } else {
        needed = r.clone();
        add(needed, sidecars);
      }
      init[0] = Math.max(init[0], needed[0]);
      init[1] = Math.max(init[1], needed[1]);
    }
    long[] total = {Math.max(apps[0], init[0]), Math.max(apps[1], init[1])};
    Map<String, Quantity> overhead = spec.getOverhead();
    if (overhead != null) {
      total[0] += millis(overhead.get(CPU), field + ".overhead.cpu");
      total[1] += bytes(overhead.get(MEMORY), field + ".overhead.memory");
    }
    return new PodRequest(total[0], total[1], qos(spec, field), missing);
  }

  private static long[] request(
      Container c, String path, DefaultRequest fallback, List<String> missing) {
    ResourceRequirements rr = c.getResources();
    Map<String, Quantity> req = rr == null ? null : rr.getRequests();
    Map<String, Quantity> lim = rr == null ? null : rr.getLimits();
    Quantity cpu = effective(req, lim, CPU);
    Quantity mem = effective(req, lim, MEMORY);
    String name = c.getName() == null ? path : c.getName();
    if (fallback == null) {
      if (cpu == null) {
        missing.add(name + ":" + CPU);
      }
      if (mem == null) {
        missing.add(name + ":" + MEMORY);
      }
    }
    long cpuMillis =
        cpu == null
            ? (fallback == null ? 0 : fallback.cpuMillis())
            : millis(cpu, path + ".resources.requests.cpu");
    long memBytes =
        mem == null
            ? (fallback == null ? 0 : fallback.memoryBytes())
            : bytes(mem, path + ".resources.requests.memory");
    return new long[] {cpuMillis, memBytes};
  }

  /** The request, or the limit when only a limit is given (API-server defaulting). */
  private static Quantity effective(
      Map<String, Quantity> req, Map<String, Quantity> lim, String resource) {
    Quantity q = req == null ? null : req.get(resource);
    if (q == null && lim != null) {
      q = lim.get(resource);
    }
    return q;
  }

  /**
   * {@code GetPodQOS} (pkg/apis/core/v1/helper/qos/qos.go), after request defaulting: best effort
   * when no container has a non-zero CPU or memory request or limit; guaranteed when every
   * container has both limits and the summed requests equal the summed limits; burstable else.
   */
  private static QosClass qos(PodSpec spec, String field) {
    List<Container> all = new ArrayList<>(orEmpty(spec.getInitContainers()));
    all.addAll(orEmpty(spec.getContainers()));
    long[] requests = new long[2];
    long[] limits = new long[2];
    boolean[] anyRequest = new boolean[2];
    boolean[] anyLimit = new boolean[2];
    boolean guaranteed = true;
    String[] names = {CPU, MEMORY};
    for (Container c : all) {
      ResourceRequirements rr = c.getResources();
      Map<String, Quantity> req = rr == null ? null : rr.getRequests();
      Map<String, Quantity> lim = rr == null ? null : rr.getLimits();
      boolean bothLimits = true;
      for (int k = 0; k < 2; k++) {
        long r = amount(effective(req, lim, names[k]), k, field);
        long l = amount(lim == null ? null : lim.get(names[k]), k, field);
        if (r > 0) {
          requests[k] += r;
          anyRequest[k] = true;
        }
        if (l > 0) {
          limits[k] += l;
          anyLimit[k] = true;
        } else {
          bothLimits = false;
        }
      }
      guaranteed &= bothLimits;
    }
    if (!anyRequest[0] && !anyRequest[1] && !anyLimit[0] && !anyLimit[1]) {
      return QosClass.BEST_EFFORT;
    }
    for (int k = 0; k < 2; k++) {
      if (anyRequest[k] && requests[k] != limits[k]) {
        guaranteed = false;
      }
    }
    return guaranteed ? QosClass.GUARANTEED : QosClass.BURSTABLE;
  }

  private static long amount(Quantity q, int k, String field) {
    if (q == null) {
      return 0;
    }
    return k == 0 ? millis(q, field + ".resources.cpu") : bytes(q, field + ".resources.memory");
  }

  /** CPU in millicores, rounded up as {@code Quantity.MilliValue} does. */
  static long millis(Quantity q, String field) {
    if (q == null) {
      return 0;
    }
    return parse(q, field).movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /** Memory in bytes, rounded up as {@code Quantity.Value} does. */
  static long bytes(Quantity q, String field) {
    if (q == null) {
      return 0;
    }
    return parse(q, field).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  private static BigDecimal parse(Quantity q, String field) {
    BigDecimal fast = plainAmount(q.getAmount(), q.getFormat());
    if (fast != null) {
      return fast;
    }
    BigDecimal v;
    try {
      v = Quantity.getAmountInBytes(q);
    } catch (RuntimeException e) {
      throw new FieldProblem(field, "not a quantity: '" + text(q) + "'");
    }
    if (v.signum() < 0) {
      throw new FieldProblem(field, "must be >= 0, was '" + text(q) + "'");
    }
    return v;
  }

  /**
   * The value of the common plain forms, whole digits with no suffix or with {@code m}, {@code k},
   * {@code M}, {@code G}, {@code T}, {@code Ki}, {@code Mi}, {@code Gi} or {@code Ti}, computed
   * exactly (the suffix multipliers of apimachinery pkg/api/resource/suffix.go); null for any other
   * form, which fabric8's general parser then reads. The general parser costs a regular expression
   * and several BigDecimal operations per call, the largest item of the model mapping in {@code
   * ManifestImportBenchmark} (each container's quantities are read several times).
   */
  static BigDecimal plainAmount(String amount, String format) {
    if (amount == null || amount.isEmpty() || amount.length() > 15) {
      return null;
    }
    long n = 0;
    for (int i = 0; i < amount.length(); i++) {
      char c = amount.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      n = n * 10 + (c - '0');
    }
    long multiplier;
    switch (format == null ? "" : format) {
      case "" -> multiplier = 1;
      case "m" -> {
        return BigDecimal.valueOf(n, 3);
      }
      case "k" -> multiplier = 1_000L;
      case "M" -> multiplier = 1_000_000L;
      case "G" -> multiplier = 1_000_000_000L;
      case "T" -> multiplier = 1_000_000_000_000L;
      case "Ki" -> multiplier = 1L << 10;
      case "Mi" -> multiplier = 1L << 20;
      case "Gi" -> multiplier = 1L << 30;
      case "Ti" -> multiplier = 1L << 40;
      default -> {
        return null;
      }
    }
    try {
      return BigDecimal.valueOf(Math.multiplyExact(n, multiplier));
    } catch (ArithmeticException e) {
      return null;
    }
  }

  private static String text(Quantity q) {
    return q.getAmount() + (q.getFormat() == null ? "" : q.getFormat());
  }

  private static void add(long[] into, long[] r) {
    into[0] += r[0];
    into[1] += r[1];
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
