package io.lakegate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a run measured: CPU model and count ({@code /proc/cpuinfo}), memory ({@code /proc/meminfo}),
 * load average, kernel and Java.
 *
 * @param cpu the CPU model name
 * @param cpus logical processors
 * @param memTotalMb total memory, MiB
 * @param memAvailableMb memory available when the run started, MiB
 * @param loadAverage the 1/5/15-minute load averages when the run started
 * @param os operating system and kernel
 * @param java the Java runtime's version and VM
 */
record MachineInfo(String cpu, int cpus, long memTotalMb, long memAvailableMb, String loadAverage, String os,
    String java) {

  static MachineInfo current() {
    List<String> cpuinfo = lines(Path.of("/proc/cpuinfo"));
    String cpu = cpuinfo.stream().filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
        .findFirst().orElse("unknown");
    List<String> meminfo = lines(Path.of("/proc/meminfo"));
    return new MachineInfo(cpu, Runtime.getRuntime().availableProcessors(), memMb(meminfo, "MemTotal"),
        memMb(meminfo, "MemAvailable"), currentLoadAverage(), System.getProperty("os.name") + " "
        + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ", "
        + System.getProperty("java.vm.vendor") + ")");
  }

  /** The load averages now: the noise other work on the machine adds. */
  static String currentLoadAverage() {
    List<String> load = lines(Path.of("/proc/loadavg"));
    if (load.isEmpty()) {
      return "unknown";
    }
    String[] fields = load.get(0).split("\\s+");
    return fields.length >= 3 ? fields[0] + " " + fields[1] + " " + fields[2] : load.get(0);
  }

  private static long memMb(List<String> meminfo, String key) {
    return meminfo.stream().filter(l -> l.startsWith(key + ":")).findFirst()
        .map(l -> ProcSample.number(l.substring(l.indexOf(':') + 1).strip()))
        .map(kb -> kb < 0 ? -1 : kb / 1024).orElse(-1L);
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      // Not Linux, or not readable: the report says "unknown".
      return List.of();
    }
  }
}
