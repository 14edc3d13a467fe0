package org.hdbn.tensor;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the system BLAS library that netlib's JNI path would {@code dlopen}, before netlib tries:
 * a library that is absent then costs no attempt (and no "dlopen failed" line on stderr), and a
 * {@code libblas.so.3} that is the slow reference BLAS (Debian's {@code libblas3}) is not taken
 * for a fast one. Without netlib's properties only OpenBLAS counts: {@code libblas.so.3} must
 * resolve to a file under an {@code openblas} folder or name (Debian's alternatives link does).
 * Setting {@code dev.ludovic.netlib.blas.nativeLib} (a name) or {@code ...nativeLibPath} (a path)
 * chooses any BLAS explicitly.
 */
final class SystemBlas {

    static final String NAME_PROPERTY = "dev.ludovic.netlib.blas.nativeLib";
    static final String PATH_PROPERTY = "dev.ludovic.netlib.blas.nativeLibPath";
    private static final String DEFAULT_NAME = "libblas.so.3";

    private SystemBlas() {
    }

    /** The library netlib would load, when it exists and (by default) is OpenBLAS. */
    static Optional<Path> usable() {
        String path = System.getProperty(PATH_PROPERTY);
        if (path != null) {
            return Files.isRegularFile(Path.of(path)) ? Optional.of(Path.of(path)) : Optional.empty();
        }
        String name = System.getProperty(NAME_PROPERTY);
        if (name != null) {
            return locate(name);
        }
        return locate(DEFAULT_NAME).filter(SystemBlas::isOpenBlas);
    }

    /** The first file of that name in the loader's usual folders (LD_LIBRARY_PATH first). */
    static Optional<Path> locate(String name) {
        List<String> dirs = new ArrayList<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            dirs.addAll(List.of(ld.split(File.pathSeparator)));
        }
        String arch = System.getProperty("os.arch", "").equals("amd64") ? "x86_64" : System.getProperty("os.arch", "");
        dirs.addAll(List.of("/usr/lib/" + arch + "-linux-gnu", "/lib/" + arch + "-linux-gnu", "/usr/lib64", "/lib64",
                "/usr/local/lib", "/usr/lib", "/lib", "/opt/homebrew/lib", "/usr/local/opt/openblas/lib"));
        for (String dir : dirs) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, name);
                if (Files.isRegularFile(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isOpenBlas(Path library) {
        try {
            return library.toRealPath().toString().toLowerCase(Locale.ROOT).contains("openblas");
        } catch (IOException e) {
            return false;
        }
    }
}
