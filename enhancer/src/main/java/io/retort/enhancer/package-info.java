/**
 * The build-time enhancer of mapped classes: {@link io.retort.enhancer.RetortEnhancer}, a Byte Buddy
 * {@code Plugin}. Run it with {@code byte-buddy-maven-plugin} (goals {@code transform} and, for test entities,
 * {@code transform-test}) or Byte Buddy's Gradle plugin.
 */
@org.jspecify.annotations.NullMarked
package io.retort.enhancer;
