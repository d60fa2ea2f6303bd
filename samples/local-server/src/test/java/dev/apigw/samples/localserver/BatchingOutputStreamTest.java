package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The local server's standard output: batched, ordered, bounded, never failing a writer. */
class BatchingOutputStreamTest {
    private final List<BatchingOutputStream> started = new ArrayList<>();

    @AfterEach
    void stopBatchThreads() {
        started.forEach(BatchingOutputStream::close);
    }

    @Test
    void close_writesWhatIsLeftAndLaterWritesAtOnce() {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        BatchingOutputStream out = start(target);
        out.write("a\n".getBytes(StandardCharsets.UTF_8));

        out.close();
        out.write("b\n".getBytes(StandardCharsets.UTF_8));

        assertThat(target.toString(StandardCharsets.UTF_8)).isEqualTo("a\nb\n");
    }

    @Test
    void write_isWrittenByTheBatchThreadWithoutDrain() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream target =
                new OutputStream() {
                    @Override
                    public void write(int b) {
                        bytes.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        bytes.write(b, off, len);
                    }

                    @Override
                    public void flush() {
                        written.countDown();
                    }
                };
        BatchingOutputStream out = start(target);

        out.write("GET /dev/x 200 0.1 ms\n".getBytes(StandardCharsets.UTF_8));

        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("GET /dev/x 200 0.1 ms\n");
    }

    @Test
    void drain_writesEveryLineOfEveryWriterWhole() throws Exception {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        BatchingOutputStream out = start(target);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String prefix = "writer" + w + " line ";
                writers.add(
                        pool.submit(
                                () -> {
                                    for (int i = 0; i < 1_000; i++) {
                                        out.write(
                                                (prefix + i + "\n")
                                                        .getBytes(StandardCharsets.UTF_8));
                                    }
                                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }

        out.drain();

        List<String> lines = Arrays.asList(target.toString(StandardCharsets.UTF_8).split("\n"));
        assertThat(lines).hasSize(4_000);
        for (int w = 0; w < 4; w++) {
            String prefix = "writer" + w + " line ";
            assertThat(lines.stream().filter(l -> l.startsWith(prefix)).toList())
                    .as("lines of writer %d, in order", w)
                    .isEqualTo(IntStream.range(0, 1_000).mapToObj(i -> prefix + i).toList());
        }
    }

    @Test
    void write_pastTheLimit_isWrittenByTheWriterItself() {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        BatchingOutputStream out = start(target);
        byte[] chunk = new byte[BatchingOutputStream.LIMIT + 1];

        out.write(chunk, 0, chunk.length);

        assertThat(target.size()).isEqualTo(BatchingOutputStream.LIMIT + 1);
    }

    @Test
    void write_afterTheTargetFailed_dropsAndNeverThrows() {
        OutputStream broken =
                new OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        throw new IOException("pipe closed");
                    }
                };
        BatchingOutputStream out = start(broken);

        assertThatCode(
                        () -> {
                            out.write("a\n".getBytes(StandardCharsets.UTF_8));
                            out.drain();
                            out.write("b\n".getBytes(StandardCharsets.UTF_8));
                            out.flush();
                            out.drain();
                        })
                .doesNotThrowAnyException();
    }

    private BatchingOutputStream start(OutputStream target) {
        BatchingOutputStream stream = BatchingOutputStream.start(target);
        started.add(stream);
        return stream;
    }
}
