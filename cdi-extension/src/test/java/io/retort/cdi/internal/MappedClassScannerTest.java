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

    @Test
    void aPackageThatCannotBeListedIsNamedWithTheKeyOfItsDatabase() {
        // Review of issue 23: the message named retort.packages for a named database's retort."name".packages too.
        ClassLoader unreadable = new ClassLoader(null) {
            @Override
            public java.util.Enumeration<java.net.URL> getResources(String name) throws java.io.IOException {
                throw new java.io.IOException("disk gone");
            }
        };
        assertThatThrownBy(() -> MappedClassScanner.scan(unreadable, "com.example.reports",
                "retort.\"reporting\".packages"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Could not list the classes of the package com.example.reports named in"
                        + " retort.\"reporting\".packages (java.io.IOException: disk gone): check that the class path"
                        + " entries holding it are readable");
    }
}
