package io.platformsim.examples.cli;

import io.platformsim.scheduler.packing.LowerBound;
import io.platformsim.scheduler.packing.PackingAlgorithm;
import io.platformsim.scheduler.packing.PackingFiles;
import io.platformsim.scheduler.packing.PackingInstance;
import io.platformsim.scheduler.packing.PackingResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code platformsim pack}: offline capacity planning. Reads a set of requests and a bin (node)
 * size, packs them with an algorithm of {@link PackingAlgorithm} and prints how many bins it needs,
 * the lower bound and the gap, optionally one line per bin, or one JSON object.
 *
 * <p>Exit codes: 0 success; 2 bad input (unreadable or malformed file, unknown algorithm, bad
 * {@code --node}), reported as one line on standard error naming the file, line and field.
 */
@Command(
    name = "pack",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Packs items into as few bins (nodes) as it can; reports bins, lower bound, gap.",
      "",
      "Input formats (by file extension, or --format):",
      "  bpp  BPPLIB: number of items, bin capacity, one item size per line.",
      "  vbp  VPSolver: dimensions d; d capacities; number of item types m;",
      "       then m lines of d sizes and a demand (count of that item).",
      "  csv  A header of resource names (optional first column 'name'), then",
      "       one row per item. The node size comes from --node or, without it,",
      "       from the first row after the header. Values are integers with an",
      "       optional suffix k M G T P (x1000) or Ki Mi Gi Ti Pi (x1024), for",
      "       example cpu in millicores and memory in bytes: 500,1Gi.",
      "",
      "Algorithms (--algorithm):",
      "  best  the default: minimum bin slack and first/best fit decreasing",
      "        under every size measure, improved by emptying bins",
      "  mbs   minimum bin slack",
      "  ffd bfd wfd nfd   first/best/worst/next fit decreasing (by sum);",
      "        add -max, -prod, -l2 or -dot for another size measure",
      "  ff bf wf nf       online, in file order",
      "  <any heuristic>+empty   followed by the bin-emptying step",
      "",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:packed", "2:bad input (one line on standard error)"})
public final class PackCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<file>", description = "The items to pack.")
  Path file;

  @Option(
      names = {"-a", "--algorithm"},
      paramLabel = "<name>",
      defaultValue = PackingAlgorithm.DEFAULT,
      description = "Packing algorithm (default: ${DEFAULT-VALUE}).")
  String algorithm;

  @Option(
      names = "--format",
      paramLabel = "<bpp|vbp|csv>",
      description = "Input format (default: by extension; bpp unless .csv or .vbp).")
  String format;

  @Option(
      names = "--node",
      paramLabel = "<r=q,...>",
      description = "Node size for csv input, every column once, e.g. cpu=4000,memory=16Gi.")
  String node;

  @Option(
      names = "--bins",
      description =
          "Also print one line per bin: its load and its items "
              + "(numbered from 1 in input order, or by the csv 'name' column); with --json, the "
              + "assignment and the bin loads.")
  boolean perBin;

  @Option(names = "--json", description = "Print one JSON object instead of the table.")
  boolean json;

  /** What was read: the instance and how to name its dimensions and items. */
  private record Input(
      String format, PackingInstance instance, List<String> resources, List<String> labels) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      PackingAlgorithm packer;
      try {
        packer = PackingAlgorithm.named(algorithm);
      } catch (IllegalArgumentException e) {
        throw new BadInput("--algorithm: " + e.getMessage().replaceFirst("^algorithm: ", ""));
      }
      Input input = read();
      long start = System.nanoTime();
      PackingResult result = packer.pack(input.instance());
      double millis = (System.nanoTime() - start) / 1e6;
      if (json) {
        out.println(json(input, result, millis));
      } else {
        printTable(out, input, result, millis);
      }
      out.flush();
      return 0;
    } catch (IllegalArgumentException e) {
      // BadInput, PackingFileException and instance validation: one line naming file and field.
      err.println("platformsim pack: " + e.getMessage());
      err.flush();
      return 2;
    }
  }

  /** A problem with the command's input, reported as one line and exit code 2. */
  private static final class BadInput extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    BadInput(String message) {
      super(message);
    }
  }

  private Input read() {
    String name = file.toString();
    String fmt = format != null ? format.toLowerCase(Locale.ROOT) : formatOf(name);
    if (!List.of("bpp", "vbp", "csv").contains(fmt)) {
      throw new BadInput("--format: unknown '" + format + "', expected bpp, vbp or csv");
    }
    if (node != null && !fmt.equals("csv")) {
      throw new BadInput("--node: only for csv input; " + fmt + " files give the capacity");
    }
    String text;
    try {
      // ISO-8859-1 maps every byte, so stray bytes become a field error with a line number.
      text = Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (NoSuchFileException e) {
      throw new BadInput(name + ": no such file");
    } catch (IOException e) {
      throw new BadInput(name + ": cannot read (" + e.getMessage() + ")");
    }
    switch (fmt) {
      case "csv":
        {
          PackCsv.Parsed p = PackCsv.parse(name, text, node);
          return new Input(fmt, p.instance(), p.resources(), p.labels());
        }
      case "vbp":
        {
          PackingInstance in = PackingFiles.readVbp(name, text);
          List<String> dims = new ArrayList<>();
          for (int j = 0; j < in.dimensions(); j++) {
            dims.add("d" + (j + 1));
          }
          return new Input(fmt, in, dims, null);
        }
      default:
        return new Input(fmt, PackingFiles.readBpp(name, text), List.of("size"), null);
    }
  }

  private static String formatOf(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".csv")) {
      return "csv";
    }
    return lower.endsWith(".vbp") ? "vbp" : "bpp";
  }

  private String json(Input input, PackingResult r, double millis) {
    PackingInstance in = input.instance();
    LowerBound lb = LowerBound.of(in);
    double[] fill = new double[in.dimensions()];
    for (int j = 0; j < fill.length; j++) {
      fill[j] =
          r.bins() == 0
              ? 0
              : Math.round(10000.0 * total(in, j) / ((double) r.bins() * in.capacity(j))) / 100.0;
    }
    JsonObject o =
        new JsonObject()
            .add("file", in.name())
            .add("format", input.format())
            .add("items", in.itemCount())
            .add("resources", input.resources())
            .add("capacity", in.capacity())
            .add("algorithm", r.algorithm())
            .add("bins", r.bins())
            .add("lowerBound", r.lowerBound())
            .add("lowerBoundL1", lb.volume())
            .add("lowerBoundL2", lb.martelloToth())
            .add("gap", r.gap())
            .add("relativeGap", r.relativeGap())
            .add("fillPercent", fill)
            .add("millis", Math.round(millis * 1000) / 1000.0);
    if (perBin) {
      long[] assignment = new long[in.itemCount()];
      for (int i = 0; i < assignment.length; i++) {
        assignment[i] = r.binOf(i);
      }
      o.add("assignment", assignment).add("binLoads", r.binLoads());
    }
    return o.toString();
  }

  private void printTable(PrintWriter out, Input input, PackingResult r, double millis) {
    PackingInstance in = input.instance();
    LowerBound lb = LowerBound.of(in);
    List<String> res = input.resources();
    StringBuilder cap = new StringBuilder();
    StringBuilder fill = new StringBuilder();
    for (int j = 0; j < in.dimensions(); j++) {
      String sep = j == 0 ? "" : ", ";
      cap.append(sep).append(res.get(j)).append('=').append(in.capacity(j));
      fill.append(sep)
          .append(res.get(j))
          .append(' ')
          .append(percent(total(in, j), (double) r.bins() * in.capacity(j)));
    }
    row(out, "file", in.name() + " (" + input.format() + ")");
    row(out, "items", Integer.toString(in.itemCount()));
    row(out, "bin size", cap.toString());
    row(out, "algorithm", r.algorithm());
    row(out, "bins", Integer.toString(r.bins()));
    row(
        out,
        "lower bound",
        r.lowerBound()
            + " (volume L1 "
            + lb.volume()
            + ", Martello-Toth L2 "
            + lb.martelloToth()
            + ")");
    row(
        out,
        "gap",
        r.gap()
            + String.format(
                Locale.ROOT,
                " (%.2f%%)%s",
                100 * r.relativeGap(),
                r.gap() == 0 ? ", optimal" : ""));
    row(out, "average fill", r.bins() == 0 ? "-" : fill.toString());
    row(out, "time", String.format(Locale.ROOT, "%.1f ms", millis));
    if (perBin) {
      List<List<Integer>> members = new ArrayList<>();
      for (int b = 0; b < r.bins(); b++) {
        members.add(new ArrayList<>());
      }
      for (int i = 0; i < in.itemCount(); i++) {
        members.get(r.binOf(i)).add(i);
      }
      out.println();
      for (int b = 0; b < r.bins(); b++) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "bin %d:", b));
        long[] load = r.binLoad(b);
        for (int j = 0; j < load.length; j++) {
          line.append(' ')
              .append(res.get(j))
              .append('=')
              .append(load[j])
              .append(" (")
              .append(percent(load[j], in.capacity(j)))
              .append(')');
        }
        line.append(" items:");
        for (int i : members.get(b)) {
          line.append(' ')
              .append(input.labels() == null ? Integer.toString(i + 1) : input.labels().get(i));
        }
        out.println(line);
      }
    }
  }

  private static void row(PrintWriter out, String label, String value) {
    out.printf(Locale.ROOT, "%-13s %s%n", label, value);
  }

  private static double total(PackingInstance in, int dim) {
    double t = 0;
    for (int i = 0; i < in.itemCount(); i++) {
      t += in.size(i, dim);
    }
    return t;
  }

  private static String percent(double part, double whole) {
    return String.format(Locale.ROOT, "%.1f%%", whole == 0 ? 0.0 : 100 * part / whole);
  }
}
