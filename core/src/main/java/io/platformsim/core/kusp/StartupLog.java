package io.platformsim.core.kusp;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Every pod's {@link PodStartup}, in the order pods became Ready, stored as primitive columns: one
 * entry costs a few ints instead of a record, and a dead pod's name is not kept alive by it. A
 * pod's name is kept as the {@link PodNames} that made it and its ordinal there (a ReplicaSet names
 * its pods {@code <service>-r<revision>-<n>}) and rebuilt when read; a name no {@code PodNames}
 * produces is kept as it is. The records come back equal to the ones appended. Append-only, not
 * thread-safe.
 */
final class StartupLog {

  /** Who names pods by ordinal, such as a ReplicaSet. */
  interface PodNames {
    /** The name of the pod with {@code ordinal}. */
    String podName(int ordinal);
  }

  // names[i]: a PodNames (then ordinals[i] >= 1) or the name itself (then ordinals[i] == -1)
  private Object[] names;
  private int[] ordinals;
  private final LongColumn scheduling;
  private final LongColumn pull;
  private final LongColumn start;
  private final LongColumn readiness;
  private int size;

  /** An empty log. */
  StartupLog() {
    int capacity = 64;
    names = new Object[capacity];
    ordinals = new int[capacity];
    scheduling = new LongColumn(capacity);
    pull = new LongColumn(capacity);
    start = new LongColumn(capacity);
    readiness = new LongColumn(capacity);
  }

  /**
   * Appends a pod's start-up; {@code namer} and {@code ordinal} name it when {@code
   * namer.podName(ordinal)} equals {@code pod} (checked), else {@code pod} is kept.
   */
  void add(
      String pod,
      PodNames namer,
      int ordinal,
      long schedulingMillis,
      long pullMillis,
      long startMillis,
      long readinessMillis) {
    if (size == names.length) {
      int n = LongColumn.grown(size);
      names = java.util.Arrays.copyOf(names, n);
      ordinals = java.util.Arrays.copyOf(ordinals, n);
    }
    if (namer != null && ordinal >= 1 && namer.podName(ordinal).equals(pod)) {
      names[size] = namer;
      ordinals[size] = ordinal;
    } else {
      names[size] = pod;
      ordinals[size] = -1;
    }
    scheduling.add(schedulingMillis);
    pull.add(pullMillis);
    start.add(startMillis);
    readiness.add(readinessMillis);
    size++;
  }

  /** Entries so far. */
  int size() {
    return size;
  }

  /** Entry {@code i} as a record. */
  PodStartup get(int i) {
    Object n = names[i];
    String pod = n instanceof PodNames p ? p.podName(ordinals[i]) : (String) n;
    return new PodStartup(pod, scheduling.get(i), pull.get(i), start.get(i), readiness.get(i));
  }

  /** Scheduling durations in append order (fresh array). */
  long[] schedulingMillis() {
    return scheduling.toArray();
  }

  /** Pull durations in append order (fresh array). */
  long[] pullMillis() {
    return pull.toArray();
  }

  /** Start durations in append order (fresh array). */
  long[] startMillis() {
    return start.toArray();
  }

  /** Readiness durations in append order (fresh array). */
  long[] readinessMillis() {
    return readiness.toArray();
  }

  /**
   * The entries so far as an immutable list; records are built as they are read. The log only
   * grows, so the list is a snapshot: later appends do not show in it.
   */
  List<PodStartup> snapshot() {
    int n = size;
    return new Snapshot(this, n);
  }

  private static final class Snapshot extends AbstractList<PodStartup> implements RandomAccess {
    private final StartupLog log;
    private final int size;

    Snapshot(StartupLog log, int size) {
      this.log = log;
      this.size = size;
    }

    @Override
    public PodStartup get(int index) {
      if (index < 0 || index >= size) {
        throw new IndexOutOfBoundsException(
            "startup index " + index + " out of range [0, " + size + ")");
      }
      return log.get(index);
    }

    @Override
    public int size() {
      return size;
    }
  }

  @Override
  public String toString() {
    return "StartupLog[" + size + " pods]";
  }
}
