/**
 * A scenario: the demand, the policy (utilisation target, minimum replicas, SLO, scaling), and the
 * deployments to compare, each a model on a GPU at a price with a capacity whose provenance is
 * always stated (measured by the load generator, or a figure somebody stated). Loaded on the
 * caller's thread.
 */
package dev.embedbench.costmodel.scenario;
