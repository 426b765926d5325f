/**
 * From a scenario to dollars: replicas at peak, GPU-hours, dollars per hour, year, million requests
 * and million tokens, savings against a baseline, cost per quality point, the roofline floor, and a
 * ±50% sensitivity sweep. Pure functions of the scenario, on the caller's thread.
 */
package dev.embedbench.costmodel.cost;
