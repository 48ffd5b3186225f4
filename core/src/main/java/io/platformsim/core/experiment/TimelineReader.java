package io.platformsim.core.experiment;

import io.platformsim.core.experiment.TimelineEvent.ApplyRelease;
import io.platformsim.core.experiment.TimelineEvent.FollowLoad;
import io.platformsim.core.experiment.TimelineEvent.LoadChange;
import io.platformsim.core.experiment.TimelineEvent.MachineFailure;
import io.platformsim.core.experiment.TimelineEvent.ZoneOutage;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.workload.LoadCurve;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Service;
import io.platformsim.core.workload.Workload;
import io.platformsim.core.yaml.DidYouMean;
import io.platformsim.core.yaml.YamlList;
import io.platformsim.core.yaml.YamlMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code timeline} of a scenario file: each item has {@code at} and exactly one event
 * kind; "every service" events ({@code releaseAll}, {@code baseImage}) expand to one release per
 * service, as does a {@code loadCurve} of service {@code all}. Services and zones must exist;
 * nothing may happen at or after the horizon.
 */
final class TimelineReader {

  private static final List<String> EVENT =
      List.of(
          "at", "release", "releaseAll", "baseImage", "load", "failure", "zoneOutage", "loadCurve");
  private static final List<String> EVENT_KINDS =
      List.of("release", "releaseAll", "baseImage", "load", "failure", "zoneOutage", "loadCurve");
  private static final List<String> RELEASE =
      List.of("service", "version", "kind", "healthCheckFailure");
  private static final List<String> EVERY_SERVICE = List.of("version", "spacing");
  private static final List<String> LOAD = List.of("service", "factor", "for");
  private static final List<String> FAILURE = List.of("service", "count");
  private static final List<String> ZONE = List.of("zone");
  private static final List<String> LOAD_CURVE = List.of("service", "diurnal", "steps");
  private static final List<String> DIURNAL = List.of("low", "high", "peakAt", "period", "step");
  private static final List<String> CURVE_STEP = List.of("at", "factor");

  /** The {@code service} of a {@code loadCurve} that stands for every service. */
  static final String ALL_SERVICES = "all";

  /**
   * A diurnal curve's step when none is given: 5 minutes, the period of CloudWatch basic
   * monitoring, the coarsest load signal an EC2 Auto Scaling group gets (AWS CloudWatch user guide,
   * "Basic and detailed monitoring").
   */
  static final long DEFAULT_CURVE_STEP_MILLIS = 300_000;

  private final Workload workload;
  private final KuspConfig kusp;
  private final long horizon;
  private final List<TimelineEvent> out = new ArrayList<>();

  private TimelineReader(Workload workload, KuspConfig kusp, long horizon) {
    this.workload = workload;
    this.kusp = kusp;
    this.horizon = horizon;
  }

  /** The events of {@code top}'s {@code timeline} (none if absent), in file order. */
  static List<TimelineEvent> read(
      YamlMapping top, Workload workload, KuspConfig kusp, long horizon) {
    TimelineReader r = new TimelineReader(workload, kusp, horizon);
    Optional<YamlList> timeline = top.list("timeline");
    if (timeline.isPresent()) {
      for (YamlMapping e : timeline.get().mappings()) {
        r.event(e);
        if (r.out.size() > ScenarioFile.MAX_EVENTS) {
          throw e.error("", "more than " + ScenarioFile.MAX_EVENTS + " events");
        }
      }
    }
    return r.out;
  }

  private void event(YamlMapping e) {
    e.only(EVENT);
    long at = e.read("at", Units.DURATION, null);
    if (at >= horizon) {
      throw e.error(
          "at",
          TimelineEvent.clock(at) + " is at or after the horizon " + TimelineEvent.clock(horizon));
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
    YamlMapping body = e.requiredMapping(kind);
    switch (kind) {
      case "release" -> release(at, body);
      case "releaseAll", "baseImage" -> everyService(at, body, kind.equals("releaseAll"));
      case "load" -> load(at, body);
      case "loadCurve" -> loadCurve(at, body);
      case "failure" -> {
        body.only(FAILURE);
        String service = knownService(body);
        out.add(new MachineFailure(at, service, body.integer("count", 1, 100_000, 1)));
      }
      default -> {
        body.only(ZONE);
        String zone = body.string("zone", null);
        if (!kusp.zones().contains(zone)) {
          throw body.error(
              "zone", "unknown zone '" + zone + "'" + DidYouMean.suggest(zone, kusp.zones()));
        }
        out.add(new ZoneOutage(at, zone));
      }
    }
  }

  private void release(long at, YamlMapping body) {
    body.only(RELEASE);
    String service = knownService(body);
    String k = body.string("kind", "app");
    Release.Kind rk =
        switch (k) {
          case "app" -> Release.Kind.APP;
          case "baseImage" -> Release.Kind.BASE_IMAGE;
          case "config" -> Release.Kind.CONFIG;
          default ->
              throw body.error(
                  "kind",
                  "expected 'app', 'baseImage' or 'config', was '"
                      + k
                      + "'"
                      + DidYouMean.suggest(k, List.of("app", "baseImage", "config")));
        };
    double p = body.decimal("healthCheckFailure", 0.0);
    if (!(p >= 0 && p <= 1)) {
      throw body.error("healthCheckFailure", "must be a probability in [0, 1], was " + p);
    }
    if (rk == Release.Kind.CONFIG && p != 0) {
      throw body.error(
          "healthCheckFailure",
          "must be 0 for a configuration change (no configuration rollback is modelled), was " + p);
    }
    out.add(new ApplyRelease(at, new Release(service, rk, body.string("version", null), p)));
  }

  /**
   * {@code releaseAll} (app) or {@code baseImage}: one release per service, {@code spacing} apart.
   */
  private void everyService(long at, YamlMapping body, boolean app) {
    body.only(EVERY_SERVICE);
    String version = body.string("version", null);
    long spacing = body.read("spacing", Units.DURATION, 0L);
    long t = at;
    for (Service s : workload.services()) {
      out.add(
          new ApplyRelease(
              t, app ? Release.app(s.name(), version) : Release.baseImage(s.name(), version)));
      t += spacing;
    }
    if (t - spacing >= horizon) {
      throw body.error(
          "spacing",
          "the last release would start at "
              + TimelineEvent.clock(t - spacing)
              + ", at or after the horizon "
              + TimelineEvent.clock(horizon));
    }
  }

  private void load(long at, YamlMapping body) {
    body.only(LOAD);
    String service = knownService(body);
    double factor = body.decimal("factor", null);
    if (!(factor >= 0) || Double.isInfinite(factor)) {
      throw body.error("factor", "must be a finite number >= 0, was " + body.text("factor"));
    }
    out.add(new LoadChange(at, service, factor));
    if (body.has("for")) {
      long length = body.read("for", Units.DURATION, null);
      out.add(new LoadChange(at + length, service, 1.0));
    }
  }

  /**
   * {@code {service, diurnal | steps}}: the service (or {@code all}, one event per service) follows
   * a diurnal sinusoid ({@link LoadCurve#diurnal}) or the listed steps from {@code at} on.
   */
  private void loadCurve(long at, YamlMapping body) {
    body.only(LOAD_CURVE);
    String service = body.string("service", null);
    if (!service.equals(ALL_SERVICES)) {
      service = knownService(body);
    }
    if (body.has("diurnal") == body.has("steps")) {
      throw body.error("", "a load curve needs exactly one of 'diurnal' and 'steps'");
    }
    LoadCurve curve = body.has("diurnal") ? diurnal(body.requiredMapping("diurnal")) : steps(body);
    if (service.equals(ALL_SERVICES)) {
      for (Service s : workload.services()) {
        out.add(new FollowLoad(at, s.name(), curve));
      }
    } else {
      out.add(new FollowLoad(at, service, curve));
    }
  }

  private LoadCurve diurnal(YamlMapping d) {
    d.only(DIURNAL);
    double low = factor(d, "low");
    double high = factor(d, "high");
    if (low > high) {
      throw d.error("low", "must be <= high " + d.text("high") + ", was " + d.text("low"));
    }
    long peakAt = d.read("peakAt", Units.DURATION, null);
    long period = d.read("period", Units.DURATION, LoadCurve.DAY_MILLIS);
    if (period <= 0) {
      throw d.error("period", "must be > 0, was " + d.text("period"));
    }
    long step = d.read("step", Units.DURATION, DEFAULT_CURVE_STEP_MILLIS);
    if (step <= 0 || step > period) {
      throw d.error(
          "step",
          "must be > 0 and at most the period "
              + TimelineEvent.clock(period)
              + ", was "
              + d.text("step"));
    }
    return LoadCurve.diurnal(low, high, peakAt, period, step, horizon);
  }

  /**
   * {@code [{at, factor}, ...]} in increasing time; nominal (1) before the first if it is after 0.
   */
  private LoadCurve steps(YamlMapping body) {
    List<YamlMapping> items = body.list("steps").orElseThrow().mappings();
    if (items.isEmpty()) {
      throw body.error("steps", "needs at least one {at, factor}");
    }
    List<LoadCurve.Step> steps = new ArrayList<>();
    for (YamlMapping item : items) {
      item.only(CURVE_STEP);
      long t = item.read("at", Units.DURATION, null);
      if (!steps.isEmpty() && t <= steps.get(steps.size() - 1).atMillis()) {
        throw item.error(
            "at",
            "step times must increase, "
                + item.text("at")
                + " is not after "
                + TimelineEvent.clock(steps.get(steps.size() - 1).atMillis()));
      }
      if (t >= horizon) {
        throw item.error(
            "at",
            TimelineEvent.clock(t) + " is at or after the horizon " + TimelineEvent.clock(horizon));
      }
      if (steps.isEmpty() && t > 0) {
        steps.add(new LoadCurve.Step(0, 1.0));
      }
      steps.add(new LoadCurve.Step(t, factor(item, "factor")));
    }
    return new LoadCurve(steps);
  }

  private static double factor(YamlMapping m, String field) {
    double f = m.decimal(field, null);
    if (!(f >= 0) || Double.isInfinite(f)) {
      throw m.error(field, "must be a finite number >= 0, was " + m.text(field));
    }
    return f;
  }

  private String knownService(YamlMapping body) {
    String service = body.string("service", null);
    if (!workload.contains(service)) {
      List<String> names = workload.services().stream().map(Service::name).toList();
      throw body.error(
          "service", "unknown service '" + service + "'" + DidYouMean.suggest(service, names));
    }
    return service;
  }
}
