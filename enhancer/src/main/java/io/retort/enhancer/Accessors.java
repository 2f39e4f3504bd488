package io.retort.enhancer;

import java.util.List;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.implementation.bytecode.ByteCodeAppender;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import org.jspecify.annotations.Nullable;

/**
 * The byte code of the members the enhancer adds to a mapped class. Written as plain instructions (with their stack
 * map frames) so that an access costs a field read and a null check when the object has no state.
 */
final class Accessors {
    static final String HOOKS = "io/retort/orm/enhance/AttributeHooks";
    static final String EVENTS = "io/retort/orm/enhance/AttributeEvents";
    private static final String HOOKS_DESCRIPTOR = "L" + HOOKS + ";";

    private Accessors() {
    }

    /** {@code $$retort_r_<field>()}: tells the state of the read (which may load the field), then reads it. */
    static Implementation read(TypeDescription owner, FieldDescription field, int index, boolean subclass) {
        return new Implementation.Simple((MethodVisitor mv, Implementation.Context context,
                MethodDescription method) -> {
            String ownerName = owner.getInternalName();
            Label plain = new Label();
            loadState(mv, ownerName, subclass);
            mv.visitJumpInsn(Opcodes.IFNULL, plain);
            loadState(mv, ownerName, subclass);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            pushInt(mv, index);
            mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, HOOKS, "beforeRead", "(Ljava/lang/Object;I)V", true);
            mv.visitLabel(plain);
            mv.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, ownerName, field.getName(), field.getDescriptor());
            mv.visitInsn(Type.getType(field.getDescriptor()).getOpcode(Opcodes.IRETURN));
            return new ByteCodeAppender.Size(4, method.getStackSize());
        });
    }

    /** {@code $$retort_w_<field>(value)} of a column: tells the state of the write, then writes. */
    static Implementation writeColumn(TypeDescription owner, FieldDescription field, int index, boolean subclass) {
        return new Implementation.Simple((MethodVisitor mv, Implementation.Context context,
                MethodDescription method) -> {
            String ownerName = owner.getInternalName();
            Label plain = new Label();
            loadState(mv, ownerName, subclass);
            mv.visitJumpInsn(Opcodes.IFNULL, plain);
            loadState(mv, ownerName, subclass);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            pushInt(mv, index);
            mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, HOOKS, "beforeWrite", "(Ljava/lang/Object;I)V", true);
            mv.visitLabel(plain);
            mv.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitVarInsn(Type.getType(field.getDescriptor()).getOpcode(Opcodes.ILOAD), 1);
            mv.visitFieldInsn(Opcodes.PUTFIELD, ownerName, field.getName(), field.getDescriptor());
            mv.visitInsn(Opcodes.RETURN);
            return new ByteCodeAppender.Size(4, method.getStackSize());
        });
    }

    /**
     * {@code $$retort_w_<field>(value)} of a relationship: the runtime keeps the other side in step (with or without
     * a state) and returns what the field holds.
     */
    static Implementation writeRelationship(TypeDescription owner, FieldDescription field, int index) {
        return new Implementation.Simple((MethodVisitor mv, Implementation.Context context,
                MethodDescription method) -> {
            String ownerName = owner.getInternalName();
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            pushInt(mv, index);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, ownerName, field.getName(), field.getDescriptor());
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, EVENTS, "onRelationshipWrite",
                    "(Ljava/lang/Object;ILjava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", true);
            mv.visitTypeInsn(Opcodes.CHECKCAST, field.getType().asErasure().getInternalName());
            mv.visitFieldInsn(Opcodes.PUTFIELD, ownerName, field.getName(), field.getDescriptor());
            mv.visitInsn(Opcodes.RETURN);
            return new ByteCodeAppender.Size(5, method.getStackSize());
        });
    }

    /**
     * Pushes the object's state: its own field, or in a mapped subclass (whose state field is its superclass's,
     * private there) through {@code $$retort_hooks()}.
     */
    private static void loadState(MethodVisitor mv, String ownerName, boolean subclass) {
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        if (subclass) {
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, ownerName, MappedFields.PREFIX + "hooks",
                    "()" + HOOKS_DESCRIPTOR, false);
        } else {
            mv.visitFieldInsn(Opcodes.GETFIELD, ownerName, MappedFields.STATE_FIELD, HOOKS_DESCRIPTOR);
        }
    }

    /** {@code $$retort_hooks()}: the state field. */
    static Implementation stateGetter(TypeDescription owner) {
        return new Implementation.Simple((MethodVisitor mv, Implementation.Context context,
                MethodDescription method) -> {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, owner.getInternalName(), MappedFields.STATE_FIELD, HOOKS_DESCRIPTOR);
            mv.visitInsn(Opcodes.ARETURN);
            return new ByteCodeAppender.Size(1, method.getStackSize());
        });
    }

    /** {@code $$retort_hooks(hooks)}: sets the state field. */
    static Implementation stateSetter(TypeDescription owner) {
        return new Implementation.Simple((MethodVisitor mv, Implementation.Context context,
                MethodDescription method) -> {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            mv.visitFieldInsn(Opcodes.PUTFIELD, owner.getInternalName(), MappedFields.STATE_FIELD, HOOKS_DESCRIPTOR);
            mv.visitInsn(Opcodes.RETURN);
            return new ByteCodeAppender.Size(2, method.getStackSize());
        });
    }

    /** {@code $$retort_get(index)}: the raw, boxed value of a mapped field. */
    static Implementation rawGet(TypeDescription owner, List<? extends FieldDescription> fields, int offset,
            @Nullable TypeDescription superclass) {
        return new Implementation.Simple((MethodVisitor mv, Implementation.Context context,
                MethodDescription method) -> {
            Label[] cases = labels(fields.size());
            Label unknown = new Label();
            mv.visitVarInsn(Opcodes.ILOAD, 1);
            if (!fields.isEmpty()) {
                mv.visitTableSwitchInsn(offset, offset + fields.size() - 1, unknown, cases);
            }
            for (int i = 0; i < fields.size(); i++) {
                FieldDescription field = fields.get(i);
                mv.visitLabel(cases[i]);
                mv.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitFieldInsn(Opcodes.GETFIELD, owner.getInternalName(), field.getName(),
                        field.getDescriptor());
                Boxing.box(mv, Type.getType(field.getDescriptor()));
                mv.visitInsn(Opcodes.ARETURN);
            }
            mv.visitLabel(unknown);
            mv.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
            if (superclass == null) {
                throwUnknown(mv);
            } else {
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitVarInsn(Opcodes.ILOAD, 1);
                mv.visitMethodInsn(Opcodes.INVOKESPECIAL, superclass.getInternalName(), MappedFields.PREFIX + "get",
                        "(I)Ljava/lang/Object;", false);
                mv.visitInsn(Opcodes.ARETURN);
            }
            return new ByteCodeAppender.Size(5, method.getStackSize());
        });
    }

    /** {@code $$retort_set(index, value)}: sets a mapped field without events, unboxing primitives. */
    static Implementation rawSet(TypeDescription owner, List<? extends FieldDescription> fields, int offset,
            @Nullable TypeDescription superclass) {
        return new Implementation.Simple((MethodVisitor mv, Implementation.Context context,
                MethodDescription method) -> {
            Label[] cases = labels(fields.size());
            Label unknown = new Label();
            mv.visitVarInsn(Opcodes.ILOAD, 1);
            if (!fields.isEmpty()) {
                mv.visitTableSwitchInsn(offset, offset + fields.size() - 1, unknown, cases);
            }
            for (int i = 0; i < fields.size(); i++) {
                FieldDescription field = fields.get(i);
                mv.visitLabel(cases[i]);
                mv.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitVarInsn(Opcodes.ALOAD, 2);
                Boxing.unbox(mv, Type.getType(field.getDescriptor()));
                mv.visitFieldInsn(Opcodes.PUTFIELD, owner.getInternalName(), field.getName(),
                        field.getDescriptor());
                mv.visitInsn(Opcodes.RETURN);
            }
            mv.visitLabel(unknown);
            mv.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
            if (superclass == null) {
                throwUnknown(mv);
            } else {
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitVarInsn(Opcodes.ILOAD, 1);
                mv.visitVarInsn(Opcodes.ALOAD, 2);
                mv.visitMethodInsn(Opcodes.INVOKESPECIAL, superclass.getInternalName(), MappedFields.PREFIX + "set",
                        "(ILjava/lang/Object;)V", false);
                mv.visitInsn(Opcodes.RETURN);
            }
            return new ByteCodeAppender.Size(5, method.getStackSize());
        });
    }

    private static Label[] labels(int count) {
        Label[] labels = new Label[count];
        for (int i = 0; i < count; i++) {
            labels[i] = new Label();
        }
        return labels;
    }

    private static void throwUnknown(MethodVisitor mv) {
        mv.visitTypeInsn(Opcodes.NEW, "java/lang/IndexOutOfBoundsException");
        mv.visitInsn(Opcodes.DUP);
        mv.visitVarInsn(Opcodes.ILOAD, 1);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/IndexOutOfBoundsException", "<init>", "(I)V", false);
        mv.visitInsn(Opcodes.ATHROW);
    }

    static void pushInt(MethodVisitor mv, int value) {
        if (value >= -1 && value <= 5) {
            mv.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value <= Byte.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.BIPUSH, value);
        } else {
            mv.visitIntInsn(Opcodes.SIPUSH, value);
        }
    }
}
