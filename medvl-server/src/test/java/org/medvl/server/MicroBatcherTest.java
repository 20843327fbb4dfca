package org.medvl.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.medvl.server.batch.BatchListener;
import org.medvl.server.batch.BatchPolicy;
import org.medvl.server.batch.MicroBatcher;
import org.medvl.server.batch.QueueFullException;

class MicroBatcherTest {
    @Test
    void concurrentRequestsShareBatchesUpToTheLimit() throws Exception {
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (MicroBatcher<Integer, Integer> b = new MicroBatcher<>("square", in -> {
            sizes.add(in.size());
            firstRunning.countDown();
            await(release);
            return in.stream().map(x -> x * x).toList();
        }, new BatchPolicy(4, 50, 100), BatchListener.NONE)) {
            List<CompletableFuture<Integer>> f = new ArrayList<>();
            f.add(b.submit(0));
            assertTrue(firstRunning.await(5, TimeUnit.SECONDS));
            for (int i = 1; i < 10; i++) { // queue behind the running batch of one
                f.add(b.submit(i));
            }
            release.countDown();
            for (int i = 0; i < 10; i++) {
                assertEquals(i * i, f.get(i).get(5, TimeUnit.SECONDS), "results in order");
            }
            assertEquals(List.of(1, 4, 4, 1), sizes, "the 9 waiting requests ran as 4 + 4 + 1");
        }
    }

    @Test
    void fullQueueRejectsAtOnceWithRetryAfter() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        List<String> rejected = new CopyOnWriteArrayList<>();
        BatchListener listener = new BatchListener() {
            @Override
            public void batchDone(String model, int size, long nanos) {
            }

            @Override
            public void rejected(String model) {
                rejected.add(model);
            }
        };
        try (MicroBatcher<Integer, Integer> b = new MicroBatcher<>("blocked", in -> {
            running.countDown();
            await(release);
            return in;
        }, new BatchPolicy(1, 0, 2), listener)) {
            CompletableFuture<Integer> first = b.submit(1);
            assertTrue(running.await(5, TimeUnit.SECONDS));
            b.submit(2);
            b.submit(3);
            assertEquals(2, b.depth());
            QueueFullException e = assertThrows(QueueFullException.class, () -> b.submit(4));
            assertTrue(e.retryAfterSeconds() >= 1);
            assertEquals(List.of("blocked"), rejected);
            release.countDown();
            assertEquals(1, first.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void oneBadInputFailsOnlyItsOwnRequest() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (MicroBatcher<Integer, Integer> b = new MicroBatcher<>("picky", in -> {
            await(release);
            if (in.contains(13)) {
                throw new IllegalArgumentException("unlucky");
            }
            return in;
        }, new BatchPolicy(8, 200, 100), BatchListener.NONE)) {
            CompletableFuture<Integer> a = b.submit(1);
            CompletableFuture<Integer> bad = b.submit(13);
            CompletableFuture<Integer> c = b.submit(2);
            release.countDown();
            assertEquals(1, a.get(5, TimeUnit.SECONDS));
            assertEquals(2, c.get(5, TimeUnit.SECONDS));
            ExecutionException e = assertThrows(ExecutionException.class, () -> bad.get(5, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof IllegalArgumentException);
        }
    }

    @Test
    void closeFailsWaitingRequests() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        MicroBatcher<Integer, Integer> b = new MicroBatcher<>("closing", in -> {
            running.countDown();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return in;
        }, new BatchPolicy(1, 0, 10), BatchListener.NONE);
        b.submit(1);
        assertTrue(running.await(5, TimeUnit.SECONDS));
        CompletableFuture<Integer> waiting = b.submit(2);
        b.close();
        assertThrows(Exception.class, () -> waiting.get(5, TimeUnit.SECONDS));
        assertThrows(QueueFullException.class, () -> b.submit(3));
    }

    private static void await(CountDownLatch l) {
        try {
            l.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
