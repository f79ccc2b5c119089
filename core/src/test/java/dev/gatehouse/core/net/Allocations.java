package dev.gatehouse.core.net;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;

/** Measures the heap bytes that the current thread allocates, on JVMs that report them. */
final class Allocations {

  private Allocations() {}

  /**
   * Returns the bytes the current thread allocated while running {@code action}. Skips the
   * calling test on a JVM without per-thread allocation counters.
   */
  static long measure(Runnable action) {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeThat(bean).isInstanceOf(com.sun.management.ThreadMXBean.class);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
    threads.setThreadAllocatedMemoryEnabled(true);
    long thread = Thread.currentThread().getId();

    long before = threads.getThreadAllocatedBytes(thread);
    action.run();
    return threads.getThreadAllocatedBytes(thread) - before;
  }
}
