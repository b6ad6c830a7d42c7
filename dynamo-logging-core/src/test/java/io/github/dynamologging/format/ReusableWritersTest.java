package io.github.dynamologging.format;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform-thread path of {@link ReusableWriters}: one writer per thread, kept between lines. The virtual
 * thread path (a shared pool) is checked on a JDK with virtual threads by {@code VirtualThreadBuffersIT}.
 */
class ReusableWritersTest {

	private final AtomicInteger made = new AtomicInteger();

	private final ReusableWriters<Object> writers = new ReusableWriters<>(() -> "writer-" + this.made.incrementAndGet());

	@Test
	void aPlatformThreadKeepsItsWriterFromLineToLine() {
		Object first = this.writers.acquire();
		this.writers.release(first);
		Object second = this.writers.acquire();
		this.writers.release(second);
		assertThat(second).isSameAs(first);
		assertThat(this.made).hasValue(1);
		assertThat(this.writers.pooled()).as("writers in the virtual threads' pool").isZero();
	}

	@Test
	void eachPlatformThreadHasItsOwnWriter() throws InterruptedException {
		Object mine = this.writers.acquire();
		AtomicReference<Object> theirs = new AtomicReference<>();
		Thread other = new Thread(() -> theirs.set(this.writers.acquire()));
		other.start();
		other.join();
		assertThat(theirs.get()).isNotNull().isNotSameAs(mine);
		assertThat(this.made).hasValue(2);
	}

	@Test
	void aDiscardedWriterIsReplacedByANewOne() {
		Object broken = this.writers.acquire();
		this.writers.discard(broken);
		assertThat(this.writers.acquire()).isNotSameAs(broken);
		assertThat(this.made).hasValue(2);
	}

	@Test
	void platformThreadsAreNotVirtual() {
		assertThat(ReusableWriters.isVirtual(Thread.currentThread())).isFalse();
		assertThat(ReusableWriters.POOL_SIZE).isBetween(4, 64);
	}

}
