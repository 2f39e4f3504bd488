/**
 * The CDI portable and build-compatible extensions producing Engine and Session beans configured by MicroProfile Config. Its implementation comes with the CDI issue.
 */
module io.retort.cdi {
    requires io.retort;
}
