package org.medvl.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Arithmetic with a constant that is safe under autograd. Use these instead of DJL's {@code NDArray.div(Number)},
 * {@code mul(Number)}, {@code minimum(Number)} and friends in any code that runs before a backward pass.
 *
 * <p>Why: DJL 0.36's PyTorch engine turns the number into a 0-d tensor over a Java direct ByteBuffer (no copy), runs
 * the op, and closes that tensor at once. The autograd graph still holds the tensor's storage (division and minimum
 * need their operand in backward), but Java no longer references the buffer, so the next garbage collection frees
 * the memory before backward reads it. Whatever the process writes there next (a JPEG decoder's buffers, any native
 * allocation) becomes the divisor: silently wrong or non-finite gradients, more often the more the JVM allocates
 * (images decoded on loader threads). Here the constant is made by libtorch ({@code full}), so the storage is
 * reference-counted by libtorch and outlives the Java handle. Values are identical: the same 0-d float tensor.
 */
public final class Scalars {
    private Scalars() {
    }

    /** A 0-d tensor of {@code value} in {@code like}'s manager, data type and device, owned by libtorch. */
    public static NDArray of(NDArray like, float value) {
        DataType type = like.getDataType().isFloating() ? like.getDataType() : DataType.FLOAT32;
        return like.getManager().full(new Shape(), value, type, like.getDevice());
    }

    public static NDArray mul(NDArray x, float value) {
        try (NDArray s = of(x, value)) {
            return x.mul(s);
        }
    }

    public static NDArray div(NDArray x, float value) {
        try (NDArray s = of(x, value)) {
            return x.div(s);
        }
    }

    public static NDArray add(NDArray x, float value) {
        try (NDArray s = of(x, value)) {
            return x.add(s);
        }
    }

    public static NDArray minimum(NDArray x, float value) {
        try (NDArray s = of(x, value)) {
            return x.minimum(s);
        }
    }

    public static NDArray maximum(NDArray x, float value) {
        try (NDArray s = of(x, value)) {
            return x.maximum(s);
        }
    }
}
