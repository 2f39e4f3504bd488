package io.retort.enhancer;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites every {@code GETFIELD}/{@code PUTFIELD} of a mapped field, in any class of the build, into a call of the
 * field's accessor ({@code $$retort_r_name()} / {@code $$retort_w_name(value)}), which has the same stack effect. The
 * accessors themselves keep the plain instructions.
 */
final class CallSites extends AsmVisitorWrapper.AbstractBase {
    private final MappedFields mapped;

    CallSites(MappedFields mapped) {
        this.mapped = mapped;
    }

    static String readerName(String field) {
        return MappedFields.PREFIX + "r_" + field;
    }

    static String writerName(String field) {
        return MappedFields.PREFIX + "w_" + field;
    }

    @Override
    public ClassVisitor wrap(TypeDescription instrumentedType, ClassVisitor classVisitor,
            Implementation.Context implementationContext, TypePool typePool,
            FieldList<FieldDescription.InDefinedShape> fields, MethodList<?> methods, int writerFlags,
            int readerFlags) {
        return new ClassVisitor(Opcodes.ASM9, classVisitor) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, @Nullable String signature,
                    String @Nullable [] exceptions) {
                MethodVisitor visitor = super.visitMethod(access, name, descriptor, signature, exceptions);
                if (visitor == null || name.startsWith(MappedFields.PREFIX)) {
                    return visitor;
                }
                return new MethodVisitor(Opcodes.ASM9, visitor) {
                    @Override
                    public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                        if ((opcode == Opcodes.GETFIELD || opcode == Opcodes.PUTFIELD)
                                && mapped.find(typePool, owner, field) != null) {
                            if (opcode == Opcodes.GETFIELD) {
                                super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, readerName(field),
                                        "()" + fieldDescriptor, false);
                            } else {
                                super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, writerName(field),
                                        "(" + fieldDescriptor + ")V", false);
                            }
                            return;
                        }
                        super.visitFieldInsn(opcode, owner, field, fieldDescriptor);
                    }
                };
            }
        };
    }
}
