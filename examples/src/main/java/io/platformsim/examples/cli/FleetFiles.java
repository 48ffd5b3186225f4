package io.platformsim.examples.cli;

import io.platformsim.core.workload.LoadCurve;
import io.platformsim.fleet.inventory.AutoScalingGroupsReader;
import io.platformsim.fleet.inventory.Ec2InstancesReader;
import io.platformsim.fleet.inventory.InstanceCatalogue;
import io.platformsim.fleet.inventory.Inventory;
import io.platformsim.fleet.inventory.InventoryCsv;
import io.platformsim.fleet.inventory.ServiceMapping;
import io.platformsim.fleet.usage.DailyLoad;
import io.platformsim.fleet.usage.UsagePercentilesReader;
import io.platformsim.fleet.usage.UsageProfile;
import io.platformsim.fleet.usage.UsageSample;
import io.platformsim.fleet.usage.UsageSeriesReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The legacy-side files of {@code platformsim import}, each kind told apart by its content, not its
 * name: an inventory file is {@code aws ec2 describe-instances} JSON (a top-level {@code
 * "Reservations"} key), {@code aws autoscaling describe-auto-scaling-groups} JSON ({@code
 * "AutoScalingGroups"}), or else the CSV {@code service,instance_type,count[,zone]}; a usage file
 * is the series CSV or the percentiles CSV by its header. Every error is one line naming the file.
 */
final class FleetFiles {

  /**
   * Step of the daily load curve made from a usage series: one hour (the resolution of a typical
   * CloudWatch or Prometheus export over weeks; steps without samples are 1, see {@link
   * DailyLoad}).
   */
  static final long LOAD_STEP_MILLIS = 3_600_000L;

  private static final Pattern JSON_KEY =
      Pattern.compile("\"(Reservations|AutoScalingGroups)\"\\s*:");

  private FleetFiles() {}

  /** Usage read from one file: profiles by service, and the daily curves of a series. */
  record Usage(String kind, Map<String, UsageProfile> profiles, Map<String, LoadCurve> daily) {}

  /** The inventory of all {@code files}, added up. */
  static Inventory inventory(List<Path> files, ServiceMapping mapping, InstanceCatalogue cat) {
    Inventory all = Inventory.EMPTY;
    for (Path f : files) {
      String text = text(f);
      String name = f.toString();
      String kind = inventoryKind(text);
      Inventory one =
          switch (kind) {
            case "Reservations" -> Ec2InstancesReader.read(text, name, mapping, cat);
            case "AutoScalingGroups" -> AutoScalingGroupsReader.read(text, name, mapping, cat);
            case "json" ->
                throw new IllegalArgumentException(
                    name
                        + ": a JSON inventory needs the key 'Reservations' (aws ec2"
                        + " describe-instances) or 'AutoScalingGroups' (aws autoscaling"
                        + " describe-auto-scaling-groups); found neither");
            default -> InventoryCsv.read(text, name, cat);
          };
      all = all.plus(one);
    }
    return all;
  }

  /**
   * {@code Reservations} or {@code AutoScalingGroups} for the AWS CLI's JSON (the first of the two
   * keys in the text), {@code json} for JSON with neither, {@code csv} for anything not starting
   * with a brace.
   */
  private static String inventoryKind(String text) {
    String t = text.strip();
    if (!t.startsWith("{")) {
      return "csv";
    }
    Matcher m = JSON_KEY.matcher(t);
    if (m.find()) {
      return m.group(1);
    }
    return "json";
  }

  /** The usage in {@code file}: the series or the percentiles CSV, told apart by the header. */
  static Usage usage(Path file) {
    String text = text(file);
    String name = file.toString();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      List<String> header = Arrays.stream(l.split(",", -1)).map(String::strip).toList();
      if (header.equals(UsageSeriesReader.COLUMNS)) {
        List<UsageSample> samples = UsageSeriesReader.read(name, new StringReader(text));
        Map<String, UsageProfile> profiles = UsageProfile.ofSeries(samples);
        Map<String, LoadCurve> daily = new TreeMap<>();
        for (String service : profiles.keySet()) {
          daily.put(
              service, DailyLoad.curve(samples, service, LOAD_STEP_MILLIS, LoadCurve.DAY_MILLIS));
        }
        return new Usage("series", profiles, daily);
      }
      if (header.equals(UsagePercentilesReader.COLUMNS)) {
        return new Usage(
            "percentiles", UsagePercentilesReader.read(name, new StringReader(text)), Map.of());
      }
      throw new IllegalArgumentException(
          name
              + ":"
              + (i + 1)
              + ": header: expected '"
              + String.join(",", UsageSeriesReader.COLUMNS)
              + "' (series) or '"
              + String.join(",", UsagePercentilesReader.COLUMNS)
              + "' (percentiles), was '"
              + l
              + "'");
    }
    throw new IllegalArgumentException(name + ": empty file: no usage header");
  }

  /**
   * The whole text of {@code f}.
   *
   * @throws IllegalArgumentException naming the file when it cannot be read
   */
  static String text(Path f) {
    try {
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(f + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException(f + ": cannot read (" + e.getMessage() + ")");
    }
  }
}
