package io.platformsim.examples.cli;

import io.platformsim.core.lesp.InstanceType;
import io.platformsim.fleet.inventory.InstanceCatalogue;
import io.platformsim.fleet.manifests.ImportReport;
import io.platformsim.fleet.manifests.ImportedWorkload;
import io.platformsim.fleet.manifests.ImportedWorkloads;
import io.platformsim.fleet.plan.NodePlan;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code platformsim plan}: how many nodes of each given instance type hold the workloads of a set
 * of Kubernetes manifests, with the packing's lower bound and the gap, the on-demand cost per hour
 * and per month and the allocation; DaemonSet overhead included ({@link NodePlan}). The question
 * open-simulator and cluster-capacity answer, with a proven gap.
 *
 * <p>Exit codes: 0 planned (also when some type cannot hold a pod: its row says which); 2 bad input
 * (an unknown instance type, a manifest that cannot be read, a bad option), one line on standard
 * error naming the file, document, field and value.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Plans nodes for Kubernetes manifests: nodes per type, bound, gap, cost.",
      "",
      "For each node type: how many nodes hold every pod of the manifests (best",
      "packing of CPU, memory and pod slots), the lower bound and the gap, the",
      "on-demand cost per hour and per month (730 h) and the CPU and memory",
      "allocation. A node's room is its allocatable (capacity minus reserved and the",
      "100 MiB eviction threshold, as KuSP models it) minus one pod of every",
      "DaemonSet (their nodeSelectors are ignored: each runs on every node).",
      "Prices: AWS us-east-1 on-demand Linux (examples/fleet/README.md).",
      "",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:planned", "2:bad input (one line on standard error)"})
public final class PlanCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ManifestInput input;

  @Option(
      names = "--node-type",
      split = ",",
      paramLabel = "<name>",
      description = "Instance types to plan for, e.g. m5.xlarge,c6i.2xlarge (the catalogue's).")
  List<String> nodeTypes;

  @Option(names = "--json", description = "Print one JSON object instead of the table.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<NodePlan> plans = new ArrayList<>();
    ImportedWorkloads workloads;
    try {
      if (!input.given()) {
        throw new IllegalArgumentException("--manifests: required (files or directories)");
      }
      if (nodeTypes == null || nodeTypes.isEmpty()) {
        throw new IllegalArgumentException("--node-type: required, e.g. --node-type m5.xlarge");
      }
      List<InstanceType> types = types(nodeTypes, InstanceCatalogue.AWS_US_EAST_1);
      workloads = input.read();
      for (InstanceType t : types) {
        plans.add(NodePlan.of(t, workloads.workloads()));
      }
    } catch (IllegalArgumentException e) {
      err.println("platformsim plan: " + e.getMessage());
      err.flush();
      return 2;
    }
    if (json) {
      out.println(json(workloads, plans));
    } else {
      printTable(out, workloads, plans);
    }
    out.flush();
    return 0;
  }

  /**
   * The named types, each once, in the order given.
   *
   * @throws IllegalArgumentException naming an unknown type and a few known ones
   */
  static List<InstanceType> types(List<String> names, InstanceCatalogue catalogue) {
    Set<String> unique = new LinkedHashSet<>();
    for (String n : names) {
      unique.add(n.strip());
    }
    List<InstanceType> out = new ArrayList<>();
    for (String n : unique) {
      InstanceType t =
          catalogue
              .find(n)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "--node-type: unknown instance type '"
                              + n
                              + "'; known: "
                              + String.join(", ", someKnown(n, catalogue))
                              + ", ... ("
                              + catalogue.size()
                              + " types, examples/fleet/README.md)"));
      out.add(t);
    }
    return out;
  }

  /** Up to six known names: those of the same family as {@code name} if any, else the first. */
  private static List<String> someKnown(String name, InstanceCatalogue catalogue) {
    int dot = name.indexOf('.');
    String family = dot > 0 ? name.substring(0, dot + 1) : null;
    List<String> same =
        catalogue.types().stream()
            .map(InstanceType::name)
            .filter(t -> family != null && t.startsWith(family))
            .limit(6)
            .toList();
    return same.isEmpty()
        ? catalogue.types().stream().map(InstanceType::name).limit(6).toList()
        : same;
  }

  private static List<ImportedWorkload> daemonSets(ImportedWorkloads w) {
    return w.workloads().stream().filter(x -> x.kind().equals("DaemonSet")).toList();
  }

  private void printTable(PrintWriter out, ImportedWorkloads w, List<NodePlan> plans) {
    ImportReport report = w.report();
    List<ImportedWorkload> ds = daemonSets(w);
    NodePlan first = plans.get(0);
    out.printf(
        Locale.ROOT,
        "%-13s %d (%d pods to place; DaemonSets on every node: %d, %s)%n",
        "workloads",
        report.workloads(),
        first.pods(),
        ds.size(),
        first.daemonSets());
    out.printf(
        Locale.ROOT,
        "%-13s %d%s%n",
        "missing",
        report.missingRequests().size(),
        report.missingRequests().isEmpty()
            ? ""
            : " (fallback "
                + input.fallback()
                + " per container): "
                + String.join(", ", report.missingRequests()));
    out.println();
    out.printf(
        Locale.ROOT,
        "%-14s %6s %6s %5s %6s %10s %11s %6s %6s%n",
        "node type",
        "nodes",
        "bound",
        "gap",
        "gap%",
        "$/hour",
        "$/month",
        "cpu%",
        "mem%");
    for (NodePlan p : plans) {
      if (!p.fits()) {
        out.printf(Locale.ROOT, "%-14s does not fit: %s%n", p.type().name(), p.unfit().get(0));
        for (String more : p.unfit().subList(1, p.unfit().size())) {
          out.printf(Locale.ROOT, "%-14s   and: %s%n", "", more);
        }
        continue;
      }
      out.printf(
          Locale.ROOT,
          "%-14s %6d %6d %5d %6.1f %10.4f %11.2f %6.1f %6.1f%n",
          p.type().name(),
          p.nodes(),
          p.packing().lowerBound(),
          p.packing().gap(),
          100 * p.packing().relativeGap(),
          p.costPerHour(),
          p.costPerMonth(),
          100 * p.cpuAllocation(),
          100 * p.memoryAllocation());
    }
    out.println();
    for (NodePlan p : plans) {
      if (p.fits()) {
        out.printf(
            Locale.ROOT,
            "room per node %s: %s, %d pods (allocatable %s minus DaemonSets %s)%n",
            p.type().name(),
            p.podRoom(),
            p.podSlots(),
            p.allocatable(),
            p.daemonSets());
      }
    }
    out.printf(
        Locale.ROOT,
        "prices: on-demand Linux, %s, %s list; month = %.0f h (AWS Pricing Calculator)%n",
        InstanceCatalogue.AWS_REGION,
        InstanceCatalogue.AWS_PRICE_DATE,
        NodePlan.HOURS_PER_MONTH);
  }

  private String json(ImportedWorkloads w, List<NodePlan> plans) {
    ImportReport report = w.report();
    JsonObject types = new JsonObject();
    for (NodePlan p : plans) {
      JsonObject t =
          new JsonObject()
              .add("fits", p.fits())
              .add("nodes", p.nodes())
              .add("lowerBound", p.fits() ? p.packing().lowerBound() : 0)
              .add("gap", p.fits() ? p.packing().gap() : 0)
              .add("gapPercent", p.fits() ? round(100 * p.packing().relativeGap()) : 0.0)
              .add("pricePerNodeHour", p.type().hourlyPriceUsd())
              .add("costPerHour", round(p.costPerHour()))
              .add("costPerMonth", round(p.costPerMonth()))
              .add("cpuAllocation", round(p.cpuAllocation()))
              .add("memoryAllocation", round(p.memoryAllocation()))
              .add(
                  "allocatable",
                  new JsonObject()
                      .add("cpuMillis", p.allocatable().milliCpu())
                      .add("memoryMiB", p.allocatable().memoryMib()))
              .add(
                  "podRoom",
                  new JsonObject()
                      .add("cpuMillis", p.podRoom().milliCpu())
                      .add("memoryMiB", p.podRoom().memoryMib())
                      .add("pods", p.podSlots()))
              .add("unfit", p.unfit());
      types.add(p.type().name(), t);
    }
    NodePlan first = plans.get(0);
    return new JsonObject()
        .add("workloads", report.workloads())
        .add("pods", first.pods())
        .add("daemonSets", daemonSets(w).size())
        .add(
            "daemonSetRequest",
            new JsonObject()
                .add("cpuMillis", first.daemonSets().milliCpu())
                .add("memoryMiB", first.daemonSets().memoryMib()))
        .add("missingRequests", report.missingRequests())
        .add("defaultRequest", input.fallback().toString())
        .add("priceRegion", InstanceCatalogue.AWS_REGION)
        .add("priceDate", InstanceCatalogue.AWS_PRICE_DATE)
        .add("hoursPerMonth", NodePlan.HOURS_PER_MONTH)
        .add("nodeTypes", types)
        .toString();
  }

  /** Four decimals: enough for cents per hour and tenths of a percent, and stable to print. */
  private static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }
}
