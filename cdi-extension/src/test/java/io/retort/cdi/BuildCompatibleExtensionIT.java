package io.retort.cdi;

import io.retort.cdi.TestContainers.Kind;

/** The beans' contract with the build-compatible extension alone (the portable one switched off). */
class BuildCompatibleExtensionIT extends BeanContractTests {
    @Override
    Kind kind() {
        return Kind.BUILD_COMPATIBLE;
    }
}
