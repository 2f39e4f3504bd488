package io.retort.impl.orm.sentinel;

import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import org.jspecify.annotations.Nullable;

/** SQLAlchemy's {@code Result} of {@code TryToFoolInsertManyValuesTest}: a generated key and a reference to a datum. */
@Mapped(table = "result_row")
public class ResultRow {
    @Id @Nullable Integer resultId;
    @ForeignKey("datum.datum_id") @Nullable Integer lftDatumId;
    @Relationship @Nullable Datum lftDatum;

    protected ResultRow() {
    }

    ResultRow(Datum lftDatum) {
        this.lftDatum = lftDatum;
    }
}
