package io.github.eec.pipeline.testing;

/**
 * JUnit category of the tests that run again under every Maven profile ({@code scripts/verify.sh}
 * selects them with {@code -Dgroups}): the PAssert tests of the transforms, which then run on the
 * profile's runner (TestPipeline reads the runner from the profile's {@code
 * beamTestPipelineOptions}, Beam's ValidatesRunner idea), the runner tests (*IT) and the checks of
 * the profile's class path. The other unit tests run once, on the DirectRunner.
 */
public interface EveryProfile {}
