package io.github.eec.tools.generator;

/**
 * One expected output row: a meter's metrics for one UTC hour, by the README's metric rules.
 *
 * @param meter meter id
 * @param windowStart start of the hour, epoch millis
 * @param windowEnd end of the hour (start + 1 h), epoch millis
 * @param energyMwh energy consumed during the hour
 * @param powerMinMw min power of the hour's readings
 * @param powerMaxMw max power of the hour's readings
 * @param powerMeanMw mean power: exact sum of the powers, rounded once, divided by the count
 * @param readings number of readings in the hour, duplicates included
 * @param registerResets register decreases counted in this hour
 */
public record ExpectedHour(
    String meter,
    long windowStart,
    long windowEnd,
    double energyMwh,
    double powerMinMw,
    double powerMaxMw,
    double powerMeanMw,
    long readings,
    int registerResets) {}
