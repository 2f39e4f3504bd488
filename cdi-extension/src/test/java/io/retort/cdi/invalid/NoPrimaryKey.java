package io.retort.cdi.invalid;

import io.retort.orm.Mapped;

/** Invalid: no @Id. */
@Mapped
public class NoPrimaryKey {
    String name = "";
}
