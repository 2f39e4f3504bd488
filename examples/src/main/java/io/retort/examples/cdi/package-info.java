/**
 * The seed's ORM walkthrough with {@code @Inject Session} in Weld SE: {@link io.retort.examples.cdi.OrmWalkthrough}.
 */
package io.retort.examples.cdi;
