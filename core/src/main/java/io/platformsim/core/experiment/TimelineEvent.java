package io.platformsim.core.experiment;

import io.platformsim.core.workload.LoadCurve;
import io.platformsim.core.workload.Release;
import java.util.Locale;

/**
 * Something that happens to both platforms at a simulated time: a release, a load change, a load
 * curve to follow, a machine failure or a zone outage. Immutable, validated on construction; a
 * {@link Scenario} checks that the service or zone it names exists.
 */
public sealed interface TimelineEvent {

  /** Simulated time of the event in milliseconds since the start, at least 0. */
  long atMillis();

  /** One line for reports, e.g. {@code "1h00m release zebra APP -> 2"}. */
  String describe();

  /**
   * A release (app or base image) of one service, rolled out with each platform's strategy.
   *
   * @param atMillis when it starts
   * @param release the release
   */
  record ApplyRelease(long atMillis, Release release) implements TimelineEvent {
    /** Validates the fields. */
    public ApplyRelease {
      checkTime(atMillis);
      if (release == null) {
        throw new IllegalArgumentException("release must not be null");
      }
    }

    @Override
    public String describe() {
      return clock(atMillis)
          + " release "
          + release.service()
          + " "
          + release.kind()
          + " -> "
          + release.version();
    }
  }

  /**
   * The service's load becomes {@code factor} × its nominal usage (1 = nominal).
   *
   * @param atMillis when it changes
   * @param service the service
   * @param factor load multiple, finite and at least 0
   */
  record LoadChange(long atMillis, String service, double factor) implements TimelineEvent {
    /** Validates the fields. */
    public LoadChange {
      checkTime(atMillis);
      checkService(service);
      if (!(factor >= 0) || Double.isInfinite(factor)) {
        throw new IllegalArgumentException(
            "load factor of '" + service + "' must be finite and >= 0, was " + factor);
      }
    }

    @Override
    public String describe() {
      return clock(atMillis) + " load " + service + " x" + factor;
    }
  }

  /**
   * From {@code atMillis} on the service's load follows {@code curve} (its times are simulation
   * times): the factor the curve holds at {@code atMillis} is set then, each later step at its
   * time, on every platform alike through {@code Platform.setLoad}.
   *
   * @param atMillis when the service starts following the curve
   * @param service the service
   * @param curve the load factors over time
   */
  record FollowLoad(long atMillis, String service, LoadCurve curve) implements TimelineEvent {
    /** Validates the fields. */
    public FollowLoad {
      checkTime(atMillis);
      checkService(service);
      if (curve == null) {
        throw new IllegalArgumentException("load curve of '" + service + "' must not be null");
      }
    }

    @Override
    public String describe() {
      return clock(atMillis)
          + " load "
          + service
          + " follows a curve of "
          + curve.steps().size()
          + " steps";
    }
  }

  /**
   * {@code count} machines (LeSP) or nodes (KuSP) running the service crash.
   *
   * @param atMillis when they crash
   * @param service the service hit
   * @param count machines or nodes, at least 1
   */
  record MachineFailure(long atMillis, String service, int count) implements TimelineEvent {
    /** Validates the fields. */
    public MachineFailure {
      checkTime(atMillis);
      checkService(service);
      if (count < 1) {
        throw new IllegalArgumentException(
            "failure of '" + service + "' count must be >= 1, was " + count);
      }
    }

    @Override
    public String describe() {
      return clock(atMillis) + " failure of " + count + " machine(s) of " + service;
    }
  }

  /**
   * Every KuSP node in {@code zone} stops responding. LeSP machines carry no zone in the model, so
   * on LeSP each pool loses its share, {@code floor(in service ÷ zones)} machines (pools spread
   * evenly over the KuSP zones).
   *
   * @param atMillis when the zone goes down
   * @param zone a zone of the KuSP configuration
   */
  record ZoneOutage(long atMillis, String zone) implements TimelineEvent {
    /** Validates the fields. */
    public ZoneOutage {
      checkTime(atMillis);
      if (zone == null || zone.isBlank()) {
        throw new IllegalArgumentException(
            "zone outage zone must not be blank, was '" + zone + "'");
      }
    }

    @Override
    public String describe() {
      return clock(atMillis) + " outage of zone " + zone;
    }
  }

  private static void checkTime(long atMillis) {
    if (atMillis < 0) {
      throw new IllegalArgumentException("event time must be >= 0 ms, was " + atMillis);
    }
  }

  private static void checkService(String service) {
    if (service == null || service.isBlank()) {
      throw new IllegalArgumentException("event service must not be blank, was '" + service + "'");
    }
  }

  /** {@code h:mm:ss} of a simulated time, for reports. */
  static String clock(long millis) {
    long s = millis / 1000;
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
  }
}
