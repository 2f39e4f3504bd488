package io.retort.cdi.invalid;

import io.retort.orm.Id;
import io.retort.orm.Mapped;

/** Invalid: a field whose type has no column type. */
@Mapped
public class UnmappableField {
    @Id Integer id = 0;
    Thread worker = Thread.currentThread();
}
