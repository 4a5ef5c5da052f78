package dev.athenaeum.embedding;

import dev.athenaeum.index.IndexTestSupport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentQueriesTest {

    /**
     * A server embeds one query per request, from many threads at once. Each must get its turn: once, a few busy
     * threads were served again and again while a newcomer waited until they stopped.
     */
    @Test
    void aQueryAmongManyBusyCallersIsAnsweredInItsTurn() throws Exception {
        Embedder model = IndexTestSupport.embedder();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        List<Thread> busy = new ArrayList<>();
        long hotUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (int t = 0; t < 16; t++) {
            int id = t;
            busy.add(Thread.ofPlatform().daemon().start(() -> {
                for (int i = 0; !stop.get() && System.nanoTime() < hotUntil; i++) {
                    model.embedQuery("how do I publish package number " + id + " version " + i);
                    answered.incrementAndGet();
                }
            }));
        }
        try {
            while (answered.get() < 32) {
                Thread.sleep(10);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                assertThat(model.embedQuery("clear the npm cache " + i)).hasSize(384);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            // In turn, each query waits for about one inference per busy caller; starved, it waited for all 20 s.
            assertThat(seconds).isLessThan(8.0);
        } finally {
            stop.set(true);
            for (Thread t : busy) {
                t.join();
            }
        }
    }
}
