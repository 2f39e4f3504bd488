package io.retort.impl.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.exception.CompileException;
import io.retort.impl.compiler.ExpressionCompiler;
import io.retort.impl.dialect.Drivers;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * SQLAlchemy's {@code assert_compile} cases, ported: each dynamic test is named by its source test and dialect, and
 * asserts the SQL Retort compiles (the same meaning; spellings that differ are listed in this package's README) or
 * the error it refuses the statement with.
 */
class ConformanceTest {

    static List<ConformanceCase> cases() {
        List<ConformanceCase> all = new ArrayList<>();
        all.addAll(CompilerCases.all());
        all.addAll(DmlCases.all());
        all.addAll(CteCases.all());
        all.addAll(OperatorCases.all());
        all.addAll(FunctionCases.all());
        all.addAll(LateralCases.all());
        all.addAll(DialectCases.all());
        all.addAll(ExpressionCases.all());
        all.addAll(ConstructCases.all());
        all.addAll(DialectMoreCases.all());
        all.addAll(FunctionAndDmlCases.all());
        all.addAll(CteMoreCases.all());
        all.addAll(ValuesCases.all());
        all.addAll(ArrayCases.all());
        all.addAll(TableValuedCases.all());
        return all;
    }

    @TestFactory
    Stream<DynamicTest> sqlalchemyCompileCases() {
        List<ConformanceCase> all = cases();
        System.out.println("[ConformanceTest] ported assert_compile cases: " + all.size() + ", refused: "
                + all.stream().filter(c -> c.refusal() != null).count());
        return all.stream().map(c -> DynamicTest.dynamicTest(c.source() + " [" + c.dialect() + "]", () -> {
            if (c.refusal() != null) {
                assertThatThrownBy(() -> ExpressionCompiler.compile(Drivers.dialect(c.dialect()), c.statement().get()))
                        .isInstanceOf(CompileException.class).hasMessageStartingWith(c.refusal());
            } else {
                assertThat(ExpressionCompiler.compile(Drivers.dialect(c.dialect()), c.statement().get()).sql())
                        .isEqualTo(c.expectedSql());
            }
        }));
    }
}
