package dev.gatehouse.core.assess;

import dev.gatehouse.core.net.IpAddress;
import java.util.List;

/**
 * The site's asset inventory, searchable by address: the longest network that contains an
 * address decides, and of two rows for the same network the first. Immutable and safe to share
 * between threads.
 */
public final class AssetInventory {

  /** An inventory without rows. */
  public static final AssetInventory EMPTY = new AssetInventory(List.of());

  private final PrefixIndex<Asset> index;
  private final int size;

  private AssetInventory(List<Asset> assets) {
    this.index = new PrefixIndex<>(assets, Asset::cidr);
    this.size = assets.size();
  }

  /** Returns the inventory made of {@code assets}, in file order. */
  public static AssetInventory of(List<Asset> assets) {
    return new AssetInventory(List.copyOf(assets));
  }

  /** Returns the row that describes {@code address}, or {@code null}. */
  public Asset find(IpAddress address) {
    List<Asset> found = index.longest(address);
    return found.isEmpty() ? null : found.get(0);
  }

  /** Returns the number of rows. */
  public int size() {
    return size;
  }
}
