package io.github.eec.tools.generator;

/**
 * A reading as the pipeline must see it: the values parsed back from the printed line.
 *
 * @param meter meter id, trimmed
 * @param timeMillis epoch milliseconds (UTC)
 * @param energy register, mWh
 * @param power instantaneous power, mW
 */
public record PrintedReading(String meter, long timeMillis, double energy, double power) {}
