/** Runnable examples of Retort. */
module io.retort.examples {
    requires io.retort;
}
