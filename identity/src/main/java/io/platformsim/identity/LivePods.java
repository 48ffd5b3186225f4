package io.platformsim.identity;

import java.util.Arrays;

/**
 * The pods holding an identity, by name: node, service and address per pod in parallel arrays under
 * open addressing (linear probing, backward-shift deletion, at most 3/4 full). A {@code HashMap}
 * node plus a holder object per pod cost ~72 bytes; a slot here is 20, so ~36 per pod at the usual
 * fill. An address is an unsigned 32-bit IPv4 address and is stored in an int. Not thread-safe;
 * iteration is not offered (callers keep their own order).
 */
final class LivePods {
  private String[] names = new String[16];
  private String[] nodes = new String[16];
  private String[] services = new String[16];
  // the unsigned 32-bit address in an int
  private int[] addresses = new int[16];
  private int size;

  /** Pods held. */
  int size() {
    return size;
  }

  /** The slot of {@code pod}, or -1 if it holds no identity. */
  int slot(String pod) {
    int mask = names.length - 1;
    for (int i = mix(pod.hashCode()) & mask; ; i = (i + 1) & mask) {
      String n = names[i];
      if (n == null) {
        return -1;
      }
      if (n.equals(pod)) {
        return i;
      }
    }
  }

  /** Node of the pod at {@code slot}. */
  String node(int slot) {
    return nodes[slot];
  }

  /** Service of the pod at {@code slot}. */
  String service(int slot) {
    return services[slot];
  }

  /** Address of the pod at {@code slot}. */
  long address(int slot) {
    return addresses[slot] & 0xFFFF_FFFFL;
  }

  /**
   * Adds {@code pod}, which must not be held yet.
   *
   * @throws IllegalArgumentException if {@code address} is not an unsigned 32-bit IPv4 address
   */
  void put(String pod, String node, String service, long address) {
    if (address < 0 || address > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(
          "address of pod '" + pod + "' must be an IPv4 address (0 to 2^32 - 1), was " + address);
    }
    if (4 * (size + 1) > 3 * names.length) {
      String[] oldNames = names;
      String[] oldNodes = nodes;
      String[] oldServices = services;
      int[] oldAddresses = addresses;
      int capacity = oldNames.length * 2;
      names = new String[capacity];
      nodes = new String[capacity];
      services = new String[capacity];
      addresses = new int[capacity];
      for (int i = 0; i < oldNames.length; i++) {
        if (oldNames[i] != null) {
          insert(oldNames[i], oldNodes[i], oldServices[i], oldAddresses[i] & 0xFFFF_FFFFL);
        }
      }
    }
    insert(pod, node, service, address);
    size++;
  }

  private void insert(String pod, String node, String service, long address) {
    int mask = names.length - 1;
    int i = mix(pod.hashCode()) & mask;
    while (names[i] != null) {
      i = (i + 1) & mask;
    }
    names[i] = pod;
    nodes[i] = node;
    services[i] = service;
    addresses[i] = (int) address;
  }

  /** Removes {@code pod}; returns whether it was held. */
  boolean remove(String pod) {
    int slot = slot(pod);
    if (slot < 0) {
      return false;
    }
    int mask = names.length - 1;
    int hole = slot;
    int i = slot;
    while (true) {
      i = (i + 1) & mask;
      String n = names[i];
      if (n == null) {
        break;
      }
      int home = mix(n.hashCode()) & mask;
      // n may move into the hole unless its home lies cyclically within (hole, i]
      boolean between = hole <= i ? (home > hole && home <= i) : (home > hole || home <= i);
      if (!between) {
        names[hole] = n;
        nodes[hole] = nodes[i];
        services[hole] = services[i];
        addresses[hole] = addresses[i];
        hole = i;
      }
    }
    names[hole] = null;
    nodes[hole] = null;
    services[hole] = null;
    addresses[hole] = 0;
    size--;
    return true;
  }

  private static int mix(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 16);
  }

  @Override
  public String toString() {
    return "LivePods["
        + size
        + " of "
        + names.length
        + " slots"
        + (size == 0
            ? ""
            : ", e.g. " + Arrays.stream(names).filter(n -> n != null).findFirst().orElse(""))
        + "]";
  }
}
