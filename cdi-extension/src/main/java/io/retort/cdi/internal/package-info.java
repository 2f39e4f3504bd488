/**
 * The machinery of the CDI extensions: configuration reading, the deployment plan, schema generation and
 * validation, and the bean classes the container instantiates. Not API.
 */
@NullMarked
package io.retort.cdi.internal;

import org.jspecify.annotations.NullMarked;
