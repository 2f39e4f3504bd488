package io.retort.cdi.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.exception.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mapped-class search of a bean archive fails with a configuration error that says what to do. */
class MappedClassScannerTest {

    @Test
    void anUnreadableArchiveIsAConfigurationErrorNamingItAndTheWayAround(@TempDir Path directory) throws Exception {
        Path broken = Files.write(directory.resolve("broken.jar"), new byte[] {'n', 'o', 't', ' ', 'a', ' ', 'j', 'a',
            'r'});
        assertThatThrownBy(() -> MappedClassScanner.scanArchive(getClass().getClassLoader(), broken.toUri().toURL()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("Could not list the classes of the bean archive " + broken.toUri().toURL())
                .hasMessageContaining("name the packages of its mapped classes in retort.packages");
    }
}
