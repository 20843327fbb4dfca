package org.medvl.data.io;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An iterator over a file's records that closes the file as soon as the last record is read (so streams that callers
 * drain without try-with-resources leak nothing) and also when the stream is closed early.
 */
abstract class SourceIterator<T> implements Iterator<T>, Closeable {
    private T next;
    private boolean done;

    /** The next record, or null at the end. */
    protected abstract T advance() throws IOException;

    protected abstract void release() throws IOException;

    @Override
    public final boolean hasNext() {
        if (next == null && !done) {
            try {
                next = advance();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                if (next == null) {
                    done = true;
                    close();
                }
            }
        }
        return next != null;
    }

    @Override
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T t = next;
        next = null;
        return t;
    }

    @Override
    public final void close() {
        done = true;
        try {
            release();
        } catch (IOException ignored) {
            // closing a reader we only read from
        }
    }

    Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(this::close);
    }
}
