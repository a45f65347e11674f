package io.vocstream.app;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (the Maven project version), or "development" when run from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VocstreamCli.class.getPackage().getImplementationVersion();
        return new String[] {"vocstream " + (v == null ? "development" : v)};
    }
}
