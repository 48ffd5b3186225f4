package io.platformsim.core.kusp;

/**
 * A {@code NoSchedule} taint of a node pool, or a pod's toleration of one, as plain text: what a
 * scenario file says of it, without the scheduler's types. A taint is {@code key=value} ({@code
 * exists} false); a toleration is operator {@code Exists} ({@code exists} true, {@code value}
 * empty, a null {@code key} tolerating every taint) or {@code Equal} ({@code key=value}).
 *
 * @param key the taint key; null only for an Exists toleration of every key
 * @param exists operator Exists (tolerations only)
 * @param value the value, empty if none
 */
public record NoScheduleTerm(String key, boolean exists, String value) {}
