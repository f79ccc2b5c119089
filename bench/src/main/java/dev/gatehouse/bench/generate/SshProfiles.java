package dev.gatehouse.bench.generate;

import java.util.SplittableRandom;

/** Banners, algorithms and host keys as real clients and servers send them. */
final class SshProfiles {

  /** Clients of scanners and password guessers. */
  static final String[] SCANNER_CLIENTS = {
      "SSH-2.0-libssh_0.9.6", "SSH-2.0-libssh2_1.10.0", "SSH-2.0-Go", "SSH-2.0-paramiko_3.4.0",
      "SSH-2.0-ZGrab ZGrab SSH Survey", "SSH-2.0-OpenSSH_7.4", "SSH-2.0-PuTTY_Release_0.70",
      "SSH-2.0-libssh-0.6.3", "SSH-2.0-OpenSSH_8.2p1 Ubuntu-4ubuntu0.5", "SSH-2.0-AsyncSSH_2.14.2"};

  /** Clients of people logging in. */
  static final String[] USER_CLIENTS = {
      "SSH-2.0-OpenSSH_9.6", "SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.6",
      "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u2", "SSH-2.0-PuTTY_Release_0.80",
      "SSH-2.0-OpenSSH_for_Windows_8.1", "SSH-2.0-OpenSSH_9.0", "SSH-2.0-paramiko_3.4.0",
      "SSH-2.0-Go"};

  static final String[] SERVERS = {
      "SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.10", "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3",
      "SSH-2.0-OpenSSH_7.4", "SSH-2.0-OpenSSH_8.0", "SSH-2.0-dropbear_2022.83",
      "SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13.5", "SSH-2.0-Cisco-1.25"};

  static final String[] CIPHERS = {
      "chacha20-poly1305@openssh.com", "aes256-gcm@openssh.com", "aes128-ctr",
      "aes128-gcm@openssh.com", "aes256-ctr"};

  static final String[] MACS = {
      "umac-64-etm@openssh.com", "hmac-sha2-256-etm@openssh.com", "hmac-sha2-256",
      "hmac-sha2-512", "umac-128-etm@openssh.com"};

  static final String[] KEX = {
      "curve25519-sha256", "curve25519-sha256@libssh.org", "sntrup761x25519-sha512@openssh.com",
      "diffie-hellman-group14-sha256", "ecdh-sha2-nistp256", "diffie-hellman-group-exchange-sha256"};

  static final String[] HOST_KEY_ALGORITHMS = {
      "ssh-ed25519", "ecdsa-sha2-nistp256", "rsa-sha2-512", "rsa-sha2-256"};

  private SshProfiles() {}

  static String pick(String[] values, SplittableRandom random) {
    return values[random.nextInt(values.length)];
  }

  /** Returns the server banner of a host, the same on every session. */
  static String serverOf(String host) {
    return SERVERS[Math.floorMod(host.hashCode(), SERVERS.length)];
  }

  /** Returns the host key algorithm of a host, the same on every session. */
  static String hostKeyAlgorithmOf(String host) {
    return HOST_KEY_ALGORITHMS[Math.floorMod(host.hashCode() >>> 3, HOST_KEY_ALGORITHMS.length)];
  }

  /** Returns an MD5-style fingerprint (16 colon-separated hex bytes) fixed for a host. */
  static String hostKeyOf(String host) {
    SplittableRandom keyBits = new SplittableRandom(host.hashCode() * 0x9E3779B97F4A7C15L);
    StringBuilder key = new StringBuilder(47);
    for (int i = 0; i < 16; i++) {
      if (i > 0) {
        key.append(':');
      }
      int b = keyBits.nextInt(256);
      key.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 15, 16));
    }
    return key.toString();
  }
}
