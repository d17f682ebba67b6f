package io.github.eec.pipeline.testing;

/**
 * JUnit category of the tests that drive a real headless Chromium. Left out of {@code mvn verify}
 * (the pom excludes the category), they run once in their own part of {@code scripts/verify.sh},
 * which installs Debian's {@code chromium} when it is missing: {@code mvn test
 * -Dtest=ReportBrowserTest -Dtests.excludedGroups=}.
 */
public interface NeedsBrowser {}
