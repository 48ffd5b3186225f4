package io.platformsim.core.experiment;

import io.platformsim.core.experiment.TimelineEvent.ApplyRelease;
import io.platformsim.core.experiment.TimelineEvent.FollowLoad;
import io.platformsim.core.experiment.TimelineEvent.LoadChange;
import io.platformsim.core.experiment.TimelineEvent.MachineFailure;
import io.platformsim.core.experiment.TimelineEvent.ZoneOutage;
import io.platformsim.core.workload.LoadCurve;
import io.platformsim.core.workload.Release;
import java.util.List;

/**
 * Writes the {@code timeline} as {@link TimelineReader} reads it: every event its own entry, in the
 * scenario's order (so equal times keep theirs): a release with all four fields, a load change
 * without {@code for} (its return to 1 is an event of its own), a failure, a zone outage. The
 * "every service" forms ({@code releaseAll}, {@code baseImage}) are never written: they read as the
 * releases they expand to.
 */
final class TimelineWriter {

  private TimelineWriter() {}

  /** The {@code timeline} list of {@code events}. */
  static void write(YamlLines y, List<TimelineEvent> events) {
    if (events.isEmpty()) {
      y.field("timeline", "[]");
      return;
    }
    y.open("timeline");
    for (TimelineEvent e : events) {
      y.item();
      y.field("at", Spelled.duration(e.atMillis()));
      if (e instanceof ApplyRelease a) {
        Release r = a.release();
        y.flow(
            "release",
            List.of(
                "service",
                Spelled.text(r.service()),
                "version",
                Spelled.text(r.version()),
                "kind",
                switch (r.kind()) {
                  case APP -> "app";
                  case BASE_IMAGE -> "baseImage";
                  case CONFIG -> "config";
                },
                "healthCheckFailure",
                Spelled.decimal(r.healthCheckFailureProbability())));
      } else if (e instanceof LoadChange l) {
        y.flow(
            "load",
            List.of("service", Spelled.text(l.service()), "factor", Spelled.decimal(l.factor())));
      } else if (e instanceof MachineFailure f) {
        y.flow(
            "failure",
            List.of("service", Spelled.text(f.service()), "count", Integer.toString(f.count())));
      } else if (e instanceof FollowLoad c) {
        // A diurnal curve is read as its steps, so every curve is written as steps.
        y.open("loadCurve");
        y.field("service", Spelled.text(c.service()));
        y.open("steps");
        for (LoadCurve.Step step : c.curve().steps()) {
          y.flowItem(
              List.of(
                  "at",
                  Spelled.duration(step.atMillis()),
                  "factor",
                  Spelled.decimal(step.factor())));
        }
        y.close();
        y.close();
      } else if (e instanceof ZoneOutage z) {
        y.flow("zoneOutage", List.of("zone", Spelled.text(z.zone())));
      }
      y.close();
    }
    y.close();
  }
}
