package io.platformsim.core.experiment;

import io.platformsim.core.platform.DurationSummary;
import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.workload.Release;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rollout figures of one replication ({@link Figure#APP_ROLLOUT_P50} ... {@link
 * Figure#MAX_UNAVAILABLE}) from a platform's rollout records, with the figures an unfinished
 * rollout leaves censored. Percentiles are nearest-rank ({@link DurationSummary}); a kind without
 * rollouts reports no figures (absent, not 0 s).
 */
final class RolloutFigures {

  private RolloutFigures() {}

  /**
   * Puts p50/p95/max per release kind (app, base image, configuration) and overall, the unfinished
   * count and the unavailability of {@code rollouts} into {@code f}, adding to {@code censored}
   * each time figure that is only a lower bound: an unfinished rollout counts with its time so far,
   * and a percentile or maximum over values some of which are lower bounds is exact only if every
   * such bound lies above it (raising a value above the percentile does not move it); otherwise it
   * is censored.
   */
  static void put(
      List<RolloutRecord> rollouts, long horizon, Map<Figure, Double> f, Set<Figure> censored) {
    List<Long> app = new ArrayList<>();
    List<Long> image = new ArrayList<>();
    List<Long> config = new ArrayList<>();
    List<Long> all = new ArrayList<>();
    int unfinished = 0;
    Map<Release.Kind, Long> lowest = new EnumMap<>(Release.Kind.class); // least unfinished bound
    long lowestAll = Long.MAX_VALUE;
    long outOfService = 0;
    int maxOut = 0;
    for (RolloutRecord r : rollouts) {
      long d;
      if (r.endMillis() < 0) {
        unfinished++;
        d = horizon - r.startMillis();
        lowest.merge(r.release().kind(), d, Math::min);
        lowestAll = Math.min(lowestAll, d);
      } else {
        d = r.durationMillis();
      }
      switch (r.release().kind()) {
        case APP -> app.add(d);
        case BASE_IMAGE -> image.add(d);
        case CONFIG -> config.add(d);
      }
      all.add(d);
      outOfService += r.outOfServiceMillis();
      maxOut = Math.max(maxOut, r.maxOutOfService());
    }
    summary(
        app,
        lowest.getOrDefault(Release.Kind.APP, Long.MAX_VALUE),
        f,
        censored,
        Figure.APP_ROLLOUT_P50,
        Figure.APP_ROLLOUT_P95,
        Figure.APP_ROLLOUT_MAX);
    summary(
        image,
        lowest.getOrDefault(Release.Kind.BASE_IMAGE, Long.MAX_VALUE),
        f,
        censored,
        Figure.IMAGE_ROLLOUT_P50,
        Figure.IMAGE_ROLLOUT_P95,
        Figure.IMAGE_ROLLOUT_MAX);
    summary(
        config,
        lowest.getOrDefault(Release.Kind.CONFIG, Long.MAX_VALUE),
        f,
        censored,
        Figure.CONFIG_ROLLOUT_P50,
        Figure.CONFIG_ROLLOUT_P95,
        Figure.CONFIG_ROLLOUT_MAX);
    // no rollout: no rollout time (absent), not 0 s
    summary(
        all, lowestAll, f, censored, Figure.ROLLOUT_P50, Figure.ROLLOUT_P95, Figure.ROLLOUT_MAX);
    f.put(Figure.UNFINISHED_ROLLOUTS, (double) unfinished);
    f.put(Figure.UNAVAILABLE_INSTANCE_HOURS, outOfService / 3_600_000.0);
    f.put(Figure.MAX_UNAVAILABLE, (double) maxOut);
  }

  /**
   * Puts p50, p95 and max of {@code durations} (milliseconds, as seconds) into {@code f}, nothing
   * if there are none; each is censored when the least unfinished bound {@code lowest} is at or
   * below it: that bound may be the value picked, and its true value is larger.
   */
  private static void summary(
      List<Long> durations,
      long lowest,
      Map<Figure, Double> f,
      Set<Figure> censored,
      Figure p50,
      Figure p95,
      Figure max) {
    if (durations.isEmpty()) {
      return;
    }
    DurationSummary s = DurationSummary.of(toArray(durations));
    f.put(p50, s.median() / 1000.0);
    f.put(p95, s.p95() / 1000.0);
    f.put(max, s.max() / 1000.0);
    if (lowest <= s.median()) {
      censored.add(p50);
    }
    if (lowest <= s.p95()) {
      censored.add(p95);
    }
    if (lowest <= s.max()) {
      censored.add(max);
    }
  }

  private static long[] toArray(List<Long> l) {
    long[] a = new long[l.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = l.get(i);
    }
    return a;
  }
}
