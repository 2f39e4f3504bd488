/**
 * The annotation processor that generates the typed metamodel (User_) of mapped classes. Its implementation comes with the ORM mapping issue.
 */
module io.retort.processor {
    requires io.retort;
}
