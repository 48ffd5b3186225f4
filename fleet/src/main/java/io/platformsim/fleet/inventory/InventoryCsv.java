package io.platformsim.fleet.inventory;

import io.platformsim.core.yaml.YamlFileException;

/**
 * The plain inventory CSV: one line per service, instance type and zone, {@code
 * service,instance_type,count[,zone]}. An optional first line is the header {@code
 * service,instance_type,count} or {@code service,instance_type,count,zone}; blank lines and lines
 * starting with {@code #} are ignored; fields are trimmed; no quoting (names hold no commas). A
 * line without a zone means the zone is unknown. Repeated (service, type, zone) lines add up.
 */
public final class InventoryCsv {

  /** The header {@link #write} prints. */
  public static final String HEADER = "service,instance_type,count,zone";

  private InventoryCsv() {}

  /**
   * The inventory in {@code csv}, naming it {@code file} in errors.
   *
   * @throws YamlFileException naming file, line, column and value: a wrong number of fields, a
   *     blank service, a count that is not a whole number of at least 1, an unknown instance type
   */
  public static Inventory read(String csv, String file, InstanceCatalogue catalogue) {
    Inventory.Builder b = Inventory.builder();
    String[] lines = csv.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int line = i + 1;
      String l = lines[i].strip();
      if (l.isEmpty() || l.startsWith("#") || (i == 0 && isHeader(l))) {
        continue;
      }
      String[] f = l.split(",", -1);
      if (f.length < 3 || f.length > 4) {
        throw new YamlFileException(
            file,
            line,
            "",
            "expected service,instance_type,count[,zone], got "
                + f.length
                + " fields: '"
                + l
                + "'");
      }
      String service = f[0].strip();
      if (service.isEmpty()) {
        throw new YamlFileException(file, line, "service", "must not be blank");
      }
      String type = f[1].strip();
      if (catalogue.find(type).isEmpty()) {
        throw new YamlFileException(
            file,
            line,
            "instance_type",
            "unknown instance type '"
                + type
                + "' (not in the catalogue of "
                + catalogue.size()
                + " types)");
      }
      b.add(service, type, f.length == 4 ? f[3].strip() : "", count(f[2].strip(), file, line));
    }
    return b.build();
  }

  /**
   * The CSV of {@code inventory}'s services (with header and zone column), which {@link #read}
   * reads back equal. Unmapped and skipped machines have no row: the CSV has no place for them.
   *
   * @throws IllegalArgumentException if a name holds a comma or line break
   */
  public static String write(Inventory inventory) {
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    for (ServiceInventory s : inventory.services()) {
      for (MachineCount m : s.machines()) {
        b.append(field(s.service()))
            .append(',')
            .append(field(m.instanceType()))
            .append(',')
            .append(m.count())
            .append(',')
            .append(field(m.zone()))
            .append('\n');
      }
    }
    return b.toString();
  }

  private static boolean isHeader(String l) {
    String h = l.replace(" ", "");
    return h.equals(HEADER) || h.equals("service,instance_type,count");
  }

  private static int count(String text, String file, int line) {
    int n;
    try {
      n = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      n = 0;
    }
    if (n < 1) {
      throw new YamlFileException(
          file, line, "count", "must be a whole number >= 1, was '" + text + "'");
    }
    return n;
  }

  private static String field(String s) {
    if (s.contains(",") || s.contains("\n") || s.contains("\r") || !s.equals(s.strip())) {
      throw new IllegalArgumentException(
          "'" + s + "' cannot be written to the inventory CSV (comma, line break or edge blanks)");
    }
    return s;
  }
}
