/** Test fixtures: mapped classes shared by the test suites of several modules (enhanced at this module's build). */
@NullMarked
package io.retort.testing.reporting;

import org.jspecify.annotations.NullMarked;
