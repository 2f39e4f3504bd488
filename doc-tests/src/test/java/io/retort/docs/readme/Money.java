package io.retort.docs.readme;

/** The README's composite value: a record mapped to two columns of its owner's table. */
// tag::money[]
public record Money(int amount, String currency) {}
// end::money[]
