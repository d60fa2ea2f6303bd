package dev.apigw.samples.localserver;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The local server's standard output once it serves: writers append to a buffer and return, and one
 * daemon thread writes what has gathered to the real output at most every {@value #INTERVAL_MS} ms,
 * in one system call. The request log line of every request and the Lambda functions' log lines go
 * through here; written one {@code write(2)} each, as {@code slf4j-simple} does, they cost a system
 * call and a contended lock per line on the request's thread.
 *
 * <p>So {@link #flush()} only asks for the next batch, and output appears up to {@value
 * #INTERVAL_MS} ms late; {@link #drain()} writes at once (the shutdown hook calls it). When more
 * than {@value #LIMIT} bytes gather (the reader of the output is slower than the writers), the
 * writer that crosses the limit writes the batch itself, so memory stays bounded and writers slow
 * down to the output's pace, as they would without batching. An output that fails is reported once
 * on standard error and its batches are dropped. Thread-safe.
 */
final class BatchingOutputStream extends OutputStream {
    /** The longest a written byte waits for its batch, in milliseconds. */
    static final long INTERVAL_MS = 20;

    /** The most bytes gathered before a writer writes them itself. */
    static final int LIMIT = 1 << 20;

    private final OutputStream target;
    private final Object targetLock = new Object();
    private final Thread writer;
    private byte[] buffer = new byte[8192];
    private int count;
    private boolean failed;
    private volatile boolean closed;

    private BatchingOutputStream(OutputStream target) {
        this.target = Objects.requireNonNull(target, "target");
        this.writer = new Thread(this::writeBatches, "apigw-local-output");
        writer.setDaemon(true);
    }

    /** Returns a stream writing to {@code target} in batches from a daemon thread it starts. */
    static BatchingOutputStream start(OutputStream target) {
        BatchingOutputStream stream = new BatchingOutputStream(target);
        stream.writer.start();
        return stream;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes) {
        write(bytes, 0, bytes.length);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        boolean full;
        synchronized (this) {
            if (count + length > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, count + length));
            }
            System.arraycopy(bytes, offset, buffer, count, length);
            if (count == 0) {
                notifyAll(); // the batch writer waits for a first byte
            }
            count += length;
            full = count > LIMIT;
        }
        if (full || closed) {
            drain();
        }
    }

    /** Asks for the gathered bytes to be written with the next batch, at most 20 ms away. */
    @Override
    public void flush() {
        // The batch writer writes within INTERVAL_MS; see drain() for writing at once.
    }

    /** Writes everything gathered so far to the target and flushes it, now. */
    void drain() {
        synchronized (targetLock) {
            byte[] batch;
            int length;
            synchronized (this) {
                batch = buffer;
                length = count;
                buffer = new byte[Math.min(Math.max(length, 8192), LIMIT)];
                count = 0;
            }
            if (length == 0 || failed) {
                return;
            }
            try {
                target.write(batch, 0, length);
                target.flush();
            } catch (IOException e) {
                failed = true;
                System.err.println("apigw-local: standard output failed, dropping it: " + e);
            }
        }
    }

    /** Stops the batch thread and writes what is left; later writes are written at once. */
    @Override
    public void close() {
        closed = true;
        writer.interrupt();
        drain();
    }

    private void writeBatches() {
        while (true) {
            synchronized (this) {
                while (count == 0) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(INTERVAL_MS));
            if (Thread.interrupted()) {
                return;
            }
            drain();
        }
    }
}
