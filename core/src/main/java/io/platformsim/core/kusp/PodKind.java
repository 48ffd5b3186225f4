package io.platformsim.core.kusp;

import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.Resources;

/**
 * What every pod stamped from one ReplicaSet (or DaemonSet) shares: the service it belongs to (the
 * DaemonSet's name for a DaemonSet pod), the ReplicaSet revision (0 for DaemonSet pods), its image,
 * request, QoS class and priority, and the platform's use count of the scheduler-spec template it
 * was stamped from (released when the pod finishes; null for a pod built outside a platform). Pods
 * hold one shared instance instead of six fields of their own.
 */
record PodKind(
    String service,
    int revision,
    ImageDescription image,
    Resources request,
    QosClass qos,
    int priority,
    LivePods.TemplateUse template) {}
