package io.retort.impl.orm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** retort-processor runs in this module's test compilation: the metamodel of a test entity exists and is typed. */
class ProcessorSmokeTest {
    @Test
    void metamodelIsGeneratedForTestEntities() {
        assertThat(ProcessorSmokeEntity_.name.attributeName()).isEqualTo("name");
        assertThat(ProcessorSmokeEntity_.name.javaType()).isEqualTo(String.class);
        assertThat(ProcessorSmokeEntity_.id.entityClass()).isEqualTo(ProcessorSmokeEntity.class);
    }
}
