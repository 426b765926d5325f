package dev.embedbench.reports.svg;

/** An axis tick: a domain value and its label. */
public record Tick(double value, String label) {}
