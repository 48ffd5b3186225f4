package io.platformsim.examples.cli;

import io.platformsim.core.output.OutputFiles;
import io.platformsim.fleet.inventory.InstanceCatalogue;
import io.platformsim.fleet.inventory.Inventory;
import io.platformsim.fleet.inventory.InventoryReport;
import io.platformsim.fleet.inventory.ServiceMapping;
import io.platformsim.fleet.inventory.UnmappedMachine;
import io.platformsim.fleet.manifests.ImportReport;
import io.platformsim.fleet.manifests.ImportedWorkloads;
import io.platformsim.fleet.scenario.FleetImport;
import io.platformsim.fleet.scenario.FleetImportException;
import io.platformsim.fleet.scenario.ImportedFleet;
import io.platformsim.fleet.scenario.ServiceRenames;
import io.platformsim.fleet.usage.Recommendation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code platformsim import}: Kubernetes manifests, the legacy inventory and usage data in, one
 * scenario file out ({@link FleetImport}), with the import report on standard output.
 *
 * <p>Before reading anything it checks that the output file can be written (its directory exists
 * and takes a file; an existing file is kept unless {@code --force}); every input problem is one
 * line on standard error naming the file, the document or line, the field and the value, exit code
 * 2, and no file is written. The file is written atomically ({@link OutputFiles}): the whole
 * scenario or nothing.
 *
 * <p>Exit codes: 0 imported; 2 bad input or an output that cannot be written; 1 a failure while
 * writing.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Imports manifests, inventory and usage into a scenario file for compare.",
      "",
      "Kubernetes manifests (the KuSP side), the legacy inventory (the LeSP side:",
      "aws ec2 describe-instances or aws autoscaling describe-auto-scaling-groups JSON, or a",
      "service,instance_type,count[,zone] CSV, told apart by content) and usage (a",
      "timestamp,service,cpu_cores,memory_bytes series or service,resource,p50,p90,",
      "p95,p99,max percentiles CSV, told apart by the header). A service on both",
      "sides is one service; one on a single side gets the other side derived.",
      "Prints the import report: workloads, pods, requests as imported, workloads",
      "missing a request (the fallback applied), skipped kinds, unmapped machines,",
      "derived sides. Formats and rules: examples/fleet/README.md.",
      "",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:imported",
      "1:failed while writing (no file is left half-written)",
      "2:bad input or output (one line on standard error; nothing written)"
    })
public final class ImportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ManifestInput input;

  @Option(
      names = "--inventory",
      arity = "1..*",
      paramLabel = "<file>",
      description = "Legacy inventory files (JSON of the AWS CLI, or CSV), added up.")
  List<Path> inventory;

  @Option(
      names = "--usage",
      paramLabel = "<file>",
      description = "Per-service usage: series or percentiles CSV.")
  Path usage;

  @Option(
      names = "--map",
      paramLabel = "<file>",
      description = "Renames, CSV 'legacy,kubernetes': a legacy service's Kubernetes name.")
  Path map;

  @Option(
      names = "--service-tag",
      paramLabel = "<key>",
      description =
          "Tag naming a machine's service (default: 'service', then the auto-scaling group).")
  String serviceTag;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "<file>",
      description = "The scenario file to write (required).")
  Path output;

  @Option(names = "--force", description = "Overwrite the output file if it exists.")
  boolean force;

  @Option(names = "--json", description = "Print the report as one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ImportedWorkloads workloads = null;
    Inventory legacy = null;
    FleetFiles.Usage used = null;
    ImportedFleet fleet;
    String yaml;
    try {
      checkOutput();
      if (!input.given() && (inventory == null || inventory.isEmpty())) {
        throw new IllegalArgumentException("--manifests or --inventory: give at least one");
      }
      FleetImport.Builder b = FleetImport.builder(scenarioName(output));
      if (input.given()) {
        workloads = input.read();
        b.manifests(workloads);
      }
      if (inventory != null && !inventory.isEmpty()) {
        ServiceMapping mapping =
            serviceTag == null ? ServiceMapping.DEFAULT : ServiceMapping.tag(serviceTag);
        legacy = FleetFiles.inventory(inventory, mapping, InstanceCatalogue.AWS_US_EAST_1);
        b.inventory(legacy);
      }
      if (usage != null) {
        used = FleetFiles.usage(usage);
        b.usage(used.profiles());
        if (!used.daily().isEmpty()) {
          b.dailyLoad(used.daily());
        }
      }
      if (map != null) {
        b.renames(ServiceRenames.read(map));
      }
      fleet = b.build();
      yaml = fleet.yaml();
    } catch (IllegalArgumentException | FleetImportException e) {
      err.println("platformsim import: " + e.getMessage());
      err.flush();
      return 2;
    }
    try {
      new OutputFiles().text(output, yaml).write();
    } catch (IOException | RuntimeException e) {
      err.println("platformsim import: cannot write: " + e.getMessage());
      err.flush();
      return 1;
    }
    if (json) {
      out.println(json(workloads, legacy, used, fleet));
    } else {
      printReport(out, workloads, legacy, used, fleet);
    }
    out.flush();
    return 0;
  }

  /**
   * Refuses, before any input is read, an output that could not be written: none given, a directory
   * that does not exist or cannot take the file, or an existing file without {@code --force}.
   */
  private void checkOutput() {
    if (output == null) {
      throw new IllegalArgumentException("-o: required, the scenario file to write");
    }
    Path abs = output.toAbsolutePath();
    if (abs.getFileName() == null) {
      throw new IllegalArgumentException("-o " + output + ": not a file name");
    }
    Path parent = abs.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new IllegalArgumentException("-o " + output + ": no such directory " + parent);
    }
    if (Files.isDirectory(abs)) {
      throw new IllegalArgumentException("-o " + output + ": is a directory");
    }
    if (Files.exists(abs) && !force) {
      throw new IllegalArgumentException("-o " + output + ": exists; add --force to overwrite it");
    }
    try {
      OutputFiles.checkDirectory(parent, List.of(abs.getFileName().toString()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("-o " + e.getMessage(), e);
    }
  }

  /** The scenario's name: the output file's name without its extension. */
  static String scenarioName(Path output) {
    String n = output.getFileName().toString();
    int dot = n.lastIndexOf('.');
    String stem = dot > 0 ? n.substring(0, dot) : n;
    return stem.isBlank() ? "imported" : stem;
  }

  private void printReport(
      PrintWriter out,
      ImportedWorkloads w,
      Inventory legacy,
      FleetFiles.Usage used,
      ImportedFleet fleet) {
    row(out, "wrote", output + " (" + fleet.scenario().workload().services().size() + " services)");
    if (w != null) {
      ImportReport r = w.report();
      row(out, "workloads", Integer.toString(r.workloads()));
      row(out, "pods", Long.toString(r.pods()));
      row(out, "cpuMillis", r.cpuMillis() + " (requests x replicas, as imported)");
      row(out, "memoryMiB", r.memoryMiB() + " (requests x replicas, as imported)");
      row(
          out,
          "missing",
          r.missingRequests().size()
              + (r.missingRequests().isEmpty()
                  ? ""
                  : " (fallback "
                      + input.fallback()
                      + " per container): "
                      + String.join(", ", r.missingRequests())));
      row(out, "skipped", r.skipped().isEmpty() ? "0" : counts(r.skipped()));
    }
    if (legacy != null) {
      InventoryReport r = legacy.report();
      row(
          out,
          "machines",
          r.machines()
              + " in "
              + r.services()
              + " services, "
              + r.unmapped().size()
              + " unmapped, "
              + r.skipped()
              + " skipped (terminated or shutting down)");
      for (UnmappedMachine m : r.unmapped()) {
        row(out, "unmapped", m.toString());
      }
    }
    if (used != null) {
      row(out, "usage", used.profiles().size() + " services (" + used.kind() + ")");
    }
    for (String n : notModelled(w, fleet)) {
      row(out, "not modelled", n);
    }
    List<String> derived = fleet.derived();
    row(out, "derived", Integer.toString(derived.size()));
    for (String d : derived) {
      row(out, "", d);
    }
    for (Recommendation rec : fleet.rightSized().values()) {
      row(out, "right-sized", rec.toString());
    }
  }

  private static String json(
      ImportedWorkloads w, Inventory legacy, FleetFiles.Usage used, ImportedFleet fleet) {
    ImportReport r = w == null ? null : w.report();
    JsonObject skipped = new JsonObject();
    if (r != null) {
      r.skipped().forEach(skipped::add);
    }
    JsonObject o =
        new JsonObject()
            .add("services", fleet.scenario().workload().services().size())
            .add("workloads", r == null ? 0 : r.workloads())
            .add("pods", r == null ? 0 : r.pods())
            .add("cpuMillis", r == null ? 0 : r.cpuMillis())
            .add("memoryMiB", r == null ? 0 : r.memoryMiB())
            .add("missingRequests", r == null ? List.of() : r.missingRequests())
            .add("skipped", skipped)
            .add("notModelled", notModelled(w, fleet));
    List<String> unmapped = new ArrayList<>();
    if (legacy != null) {
      for (UnmappedMachine m : legacy.report().unmapped()) {
        unmapped.add(m.toString());
      }
    }
    o.add("machines", legacy == null ? 0 : legacy.report().machines())
        .add("unmapped", unmapped)
        .add("usage", used == null ? "" : used.kind())
        .add("derived", fleet.derived());
    JsonObject rightSized = new JsonObject();
    for (Map.Entry<String, Recommendation> e : fleet.rightSized().entrySet()) {
      rightSized.add(
          e.getKey(),
          new JsonObject()
              .add("cpuMillis", e.getValue().target().milliCpu())
              .add("memoryMiB", e.getValue().target().memoryMib()));
    }
    return o.add("rightSized", rightSized).toString();
  }

  /** What the manifests reader and the scenario could not express, each line once. */
  private static List<String> notModelled(ImportedWorkloads w, ImportedFleet fleet) {
    Set<String> lines = new LinkedHashSet<>();
    if (w != null) {
      lines.addAll(w.report().notModelled());
    }
    lines.addAll(fleet.notModelled());
    return List.copyOf(lines);
  }

  private static String counts(Map<String, Integer> byKind) {
    List<String> parts = new ArrayList<>();
    byKind.forEach((k, n) -> parts.add(k + " " + n));
    return String.join(", ", parts);
  }

  private static void row(PrintWriter out, String label, String value) {
    out.printf(Locale.ROOT, "%-13s %s%n", label, value);
  }
}
