/**
 * The annotation processor that generates the typed metamodel ({@code User_}) of {@code @Mapped} classes.
 *
 * <p>The processor reads the {@code io.retort.orm} annotations by name, so it needs only {@code java.compiler} at
 * compile time; it is found by {@code javac} through the {@link javax.annotation.processing.Processor} service,
 * on the processor path or the processor module path.
 */
module io.retort.processor {
    requires java.compiler;
    requires static org.jspecify;

    provides javax.annotation.processing.Processor with io.retort.processor.MetamodelProcessor;
}
