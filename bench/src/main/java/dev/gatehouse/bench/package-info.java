/** Benchmark data generator, peer comparison harness and JMH benchmarks. */
package dev.gatehouse.bench;
