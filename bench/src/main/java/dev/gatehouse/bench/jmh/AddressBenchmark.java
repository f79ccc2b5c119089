package dev.gatehouse.bench.jmh;

import dev.gatehouse.core.net.IpAddress;
import dev.gatehouse.core.net.Locality;
import dev.gatehouse.core.net.NetworkMap;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parses address text with {@link IpAddress#tryParse(CharSequence)} and classifies parsed
 * addresses with {@link NetworkMap#locality}, over 4096 addresses of which one in ten is IPv6
 * and about half are internal. Times are per address.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AddressBenchmark {

  private static final int COUNT = 4096;

  private final String[] texts = new String[COUNT];
  private final IpAddress[] addresses = new IpAddress[COUNT];
  private final NetworkMap networks = NetworkMap.defaults();

  @Setup(Level.Trial)
  public void build() {
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < COUNT; i++) {
      boolean v6 = random.nextInt(10) == 0;
      boolean internal = random.nextBoolean();
      String text;
      if (v6) {
        text = (internal ? "fd3c:8a2e:15:" : "2001:db8:5ca:")
            + Integer.toHexString(1 + random.nextInt(0xfffe)) + "::"
            + Integer.toHexString(1 + random.nextInt(0xfffe));
      } else if (internal) {
        text = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
      } else {
        text = (1 + random.nextInt(9)) * 11 + "." + random.nextInt(256) + "." + random.nextInt(256)
            + "." + (1 + random.nextInt(254));
      }
      texts[i] = text;
      addresses[i] = IpAddress.parse(text);
    }
  }

  @Benchmark
  @OperationsPerInvocation(COUNT)
  public void tryParse(Blackhole blackhole) {
    for (String text : texts) {
      blackhole.consume(IpAddress.tryParse(text));
    }
  }

  @Benchmark
  @OperationsPerInvocation(COUNT)
  public int locality() {
    int internal = 0;
    for (IpAddress address : addresses) {
      if (networks.locality(address) == Locality.INTERNAL) {
        internal++;
      }
    }
    return internal;
  }
}
