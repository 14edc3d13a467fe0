package org.hdbn.examples.cli;

import org.hdbn.run.Versions;
import picocli.CommandLine;

/** The release version for {@code --version}. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"hdbn " + Versions.hdbn() + " (Java " + System.getProperty("java.version") + ")"};
    }
}
