/** Runnable examples of Retort: the Core quickstart, and the ORM walkthrough in a CDI container. */
module io.retort.examples {
    requires io.retort;
    requires io.retort.cdi;

    // The ORM reads and writes the mapped classes' fields; the container makes proxies of the beans.
    opens io.retort.examples.cdi;
}
