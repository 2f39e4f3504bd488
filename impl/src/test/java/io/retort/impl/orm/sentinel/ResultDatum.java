package io.retort.impl.orm.sentinel;

import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import org.jspecify.annotations.Nullable;

/**
 * SQLAlchemy's {@code ResultDatum} of {@code TryToFoolInsertManyValuesTest}: its key is its result's key, and it
 * refers to the same datum as its result.
 */
@Mapped(table = "result_datum")
public class ResultDatum {
    @Id @ForeignKey("result_row.result_id") @Nullable Integer resultId;
    @ForeignKey("datum.datum_id") @Nullable Integer lftDatumId;
    @Relationship @Nullable Datum lftDatum;
    @Relationship @Nullable ResultRow result;

    protected ResultDatum() {
    }

    ResultDatum(Datum lftDatum, @Nullable ResultRow result) {
        this.lftDatum = lftDatum;
        this.result = result;
    }
}
