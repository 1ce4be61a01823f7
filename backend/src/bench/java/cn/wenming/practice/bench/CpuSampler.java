package cn.wenming.practice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The server's CPU time (user and system) and the whole machine's busy time, read from {@code /proc}
 * twice a second during the load, so each phase can be given in CPU per answered request. On this
 * kind of machine the load generator, MySQL and Redis share the cores with the server and the
 * machine's speed drifts between runs by a third (docs/performance.md §7, runs V1–V3 and P1–P3): a
 * burst that misses its latency goal on a slow stretch shows here as more CPU per request, and
 * {@code rate × machine ms} against the cores tells how close the phase ran to the machine's limit.
 */
final class CpuSampler {

	/** One reading: wall clock (ms), the server's user and system ticks, the machine's busy and all ticks. */
	private record Sample(long at, long serverUser, long serverSystem, long machineBusy, long machineAll) {
	}

	/** A phase's CPU per OK request, in ms, and the machine's busy share over the phase. */
	record PerRequest(double serverUser, double serverSystem, double machine, double machineBusy) {
	}

	private final long pid;

	private final double msPerTick;

	private final List<Sample> samples = new ArrayList<>();

	CpuSampler(long pid) {
		this.pid = pid;
		this.msPerTick = 1000.0 / clockTicks();
	}

	/** Takes one reading; nothing when /proc cannot be read (the server is gone, not Linux). */
	synchronized void sample() {
		try {
			// Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
			String stat = Files.readString(Path.of("/proc", Long.toString(this.pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// "cpu user nice system idle iowait irq softirq steal guest guest_nice": guest time is already
			// in user, and idle, iowait and steal (time the hypervisor gave to others) are not busy.
			String[] cpu = Files.readAllLines(Path.of("/proc", "stat")).get(0).trim().split("\\s+");
			long busy = 0;
			for (int i : new int[] { 1, 2, 3, 6, 7 }) {
				busy += Long.parseLong(cpu[i]);
			}
			long all = busy + Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]) + Long.parseLong(cpu[8]);
			this.samples.add(new Sample(System.currentTimeMillis(), Long.parseLong(fields[11]), Long.parseLong(fields[12]),
					busy, all));
		}
		catch (IOException | RuntimeException ex) {
			// no reading this time
		}
	}

	/**
	 * CPU per OK request between {@code start} and {@code end} (wall clock, ms), over the readings
	 * inside the phase (its first and last half second fall outside); null when fewer than two.
	 */
	synchronized PerRequest perRequest(long start, long end, long ok) {
		Sample first = null;
		Sample last = null;
		for (Sample sample : this.samples) {
			if (sample.at() >= start && sample.at() <= end) {
				if (first == null) {
					first = sample;
				}
				last = sample;
			}
		}
		if (first == null || last == first || ok == 0 || end <= start) {
			return null;
		}
		// The requests answered while the readings ran, at the phase's mean rate.
		double requests = ok * (double) (last.at() - first.at()) / (end - start);
		double machineTicks = last.machineAll() - first.machineAll();
		return new PerRequest((last.serverUser() - first.serverUser()) * this.msPerTick / requests,
				(last.serverSystem() - first.serverSystem()) * this.msPerTick / requests,
				(last.machineBusy() - first.machineBusy()) * this.msPerTick / requests,
				(machineTicks > 0) ? (last.machineBusy() - first.machineBusy()) / machineTicks : 0);
	}

	/** A phase's row of the summary's CPU table; dashes when it had too few readings. */
	static String row(String phase, PerRequest cpu) {
		if (cpu == null) {
			return String.format(Locale.ROOT, "| %s | – | – | – | – |%n", phase);
		}
		return String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.0f %% |%n", phase, cpu.serverUser(),
				cpu.serverSystem(), cpu.machine(), 100 * cpu.machineBusy());
	}

	/** Linux's USER_HZ (100 nearly everywhere), from getconf. */
	private static long clockTicks() {
		try {
			Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
			String out = new String(getconf.getInputStream().readAllBytes()).trim();
			getconf.waitFor();
			return Long.parseLong(out);
		}
		catch (IOException | RuntimeException ex) {
			return 100;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 100;
		}
	}

}
