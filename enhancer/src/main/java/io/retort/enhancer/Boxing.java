package io.retort.enhancer;

import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/** Boxing and unboxing instructions for the raw field accessors. */
final class Boxing {
    private Boxing() {
    }

    /** Boxes the primitive on top of the stack (nothing for a reference). */
    static void box(MethodVisitor mv, Type type) {
        String wrapper = wrapper(type);
        if (wrapper != null) {
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, wrapper, "valueOf", "(" + type.getDescriptor() + ")L" + wrapper
                    + ";", false);
        }
    }

    /** Casts the object on top of the stack to the field's type, unboxing a primitive (null throws NPE). */
    static void unbox(MethodVisitor mv, Type type) {
        String wrapper = wrapper(type);
        if (wrapper == null) {
            mv.visitTypeInsn(Opcodes.CHECKCAST, type.getSort() == Type.ARRAY ? type.getDescriptor()
                    : type.getInternalName());
            return;
        }
        mv.visitTypeInsn(Opcodes.CHECKCAST, wrapper);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, wrapper, type.getClassName() + "Value", "()"
                + type.getDescriptor(), false);
    }

    private static @org.jspecify.annotations.Nullable String wrapper(Type type) {
        switch (type.getSort()) {
            case Type.BOOLEAN:
                return "java/lang/Boolean";
            case Type.BYTE:
                return "java/lang/Byte";
            case Type.CHAR:
                return "java/lang/Character";
            case Type.SHORT:
                return "java/lang/Short";
            case Type.INT:
                return "java/lang/Integer";
            case Type.LONG:
                return "java/lang/Long";
            case Type.FLOAT:
                return "java/lang/Float";
            case Type.DOUBLE:
                return "java/lang/Double";
            default:
                return null;
        }
    }
}
