/**
 * The legacy inventory in: an instance-type catalogue ({@link
 * io.platformsim.fleet.inventory.InstanceCatalogue}), readers for the JSON printed by {@code aws
 * ec2 describe-instances} and {@code aws autoscaling describe-auto-scaling-groups} and for a plain
 * {@code service,instance_type,count[,zone]} CSV, the rule that maps machines to services ({@link
 * io.platformsim.fleet.inventory.ServiceMapping}), and the result ({@link
 * io.platformsim.fleet.inventory.Inventory}, {@link
 * io.platformsim.fleet.inventory.InventoryReport}) with its conversion to the LeSP side of a
 * scenario ({@link io.platformsim.fleet.inventory.LespPools}).
 *
 * <p>Depends on core.lesp (instance types, menu, {@code LespConfig.Builder}), core.workload
 * (resources), core.yaml (the JSON is read as YAML 1.2 with line marks; errors are {@code
 * YamlFileException}) and the JDK only; never on core.experiment, core.kusp or the engine.
 */
package io.platformsim.fleet.inventory;
