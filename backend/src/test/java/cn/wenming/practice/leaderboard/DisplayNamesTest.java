package cn.wenming.practice.leaderboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory names of leaderboard rows: kept for the TTL, loaded in one call for what is missing. */
class DisplayNamesTest {

	final AtomicLong now = new AtomicLong(1_000);

	final List<Set<Long>> loads = new ArrayList<>();

	Map<Long, String> load(Set<Long> ids) {
		this.loads.add(Set.copyOf(ids));
		Map<Long, String> names = new HashMap<>();
		ids.stream().filter(id -> id != 404L).forEach(id -> names.put(id, "n" + id + "@" + this.loads.size()));
		return names;
	}

	@Test
	void keptNamesAreServedUntilTheTtlAndOnlyTheMissingOnesAreLoaded() {
		DisplayNames names = new DisplayNames(100, this.now::get);
		assertThat(names.get(LeaderboardKind.VOLUNTEER_HOURS, List.of(1L, 2L), this::load))
			.containsOnly(Map.entry(1L, "n1@1"), Map.entry(2L, "n2@1"));
		// Volunteer boards share the names; one more member is the only one loaded.
		this.now.addAndGet(99);
		assertThat(names.get(LeaderboardKind.VOLUNTEER_POINTS, List.of(1L, 2L, 3L), this::load))
			.containsOnly(Map.entry(1L, "n1@1"), Map.entry(2L, "n2@1"), Map.entry(3L, "n3@2"));
		assertThat(this.loads).containsExactly(Set.of(1L, 2L), Set.of(3L));
		// A team with the id of a volunteer is another member.
		assertThat(names.get(LeaderboardKind.TEAM_HOURS, List.of(1L), this::load)).containsEntry(1L, "n1@3");
		// Past the TTL it is read again.
		this.now.addAndGet(1);
		assertThat(names.get(LeaderboardKind.VOLUNTEER_HOURS, List.of(1L), this::load)).containsEntry(1L, "n1@4");
	}

	@Test
	void aVolunteerForgottenIsReadAgainAndUnknownMembersAreNeverKept() {
		DisplayNames names = new DisplayNames(1_000_000, this.now::get);
		names.get(LeaderboardKind.VOLUNTEER_HOURS, List.of(1L, 2L, 404L), this::load);
		names.forgetVolunteer(1L);
		assertThat(names.get(LeaderboardKind.VOLUNTEER_HOURS, List.of(1L, 2L, 404L), this::load))
			.containsOnly(Map.entry(1L, "n1@2"), Map.entry(2L, "n2@1"));
		assertThat(this.loads.get(1)).containsExactlyInAnyOrder(1L, 404L);
	}

	@Test
	void aZeroTtlKeepsNothing() {
		DisplayNames names = new DisplayNames(0, this.now::get);
		names.get(LeaderboardKind.VOLUNTEER_HOURS, List.of(1L), this::load);
		names.get(LeaderboardKind.VOLUNTEER_HOURS, List.of(1L), this::load);
		assertThat(this.loads).hasSize(2);
	}

}
