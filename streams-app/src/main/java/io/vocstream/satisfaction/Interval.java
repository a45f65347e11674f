package io.vocstream.satisfaction;

/** A two-sided 95 % confidence interval [low, high]. */
public record Interval(double low, double high) {
}
