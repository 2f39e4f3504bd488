package io.retort.impl.orm.sentinel;

import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** SQLAlchemy's {@code Datum} of {@code TryToFoolInsertManyValuesTest}: a row with only a generated key. */
@Mapped(table = "datum")
public class Datum {
    @Id @Nullable Integer datumId;

    public Datum() {
    }
}
