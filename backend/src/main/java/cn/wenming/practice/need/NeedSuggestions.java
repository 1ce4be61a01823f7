package cn.wenming.practice.need;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.team.TeamDirectory;
import cn.wenming.practice.team.TeamRef;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import cn.wenming.practice.volunteer.VolunteerProfile;

import org.springframework.stereotype.Service;

/**
 * 派单建议: ranks the teams and trained volunteers an admin could dispatch a published need to.
 * Candidates are those based in the need's station's subtree or in one of its ancestor units —
 * exactly the teams {@code dispatchNeed} accepts from an admin covering the station (the
 * station's subtree lies in the admin's, the ancestors are "above the station"). At most
 * {@link #MAX_CANDIDATES}, nearest first, are scored. The candidates come from their owners'
 * directories (org, team, volunteer) in batches and the statistics from a fixed number of GROUP BY
 * statements over all of them (see {@link NeedSuggestionMapper}), so the cost does not grow with
 * the number of candidates.
 */
@Service
class NeedSuggestions {

	/** Upper bound of candidates scored per request, so a large county stays cheap. */
	static final int MAX_CANDIDATES = 200;

	/** Distance at which the distance factor reaches 0 (linear decay from 1 at the need). */
	static final double DISTANCE_ZERO_KM = 10.0;

	/** Open needs at which the load factor reaches 0 (linear: 0 open → 1, 1 → 0.8, …). */
	static final int LOAD_ZERO = 5;

	/**
	 * The weights of the factors, in one place; they sum to 1 so that the score is in 0..1. Skill
	 * match and distance dominate (can they do it, can they get there), load spreads the work,
	 * history (acceptance, rating) refines among otherwise equal candidates.
	 */
	record Weights(double skill, double distance, double load, double acceptance, double rating) {

		static final Weights DEFAULT = new Weights(0.35, 0.25, 0.15, 0.10, 0.15);

	}

	/** Chinese labels of the five service platforms (五大平台), which CATEGORY tags store by enum name. */
	private static final Map<String, String> PLATFORM_LABELS = Map.of("THEORY_LECTURE", "理论宣讲", "EDUCATION",
			"教育服务", "CULTURE", "文化服务", "SCIENCE_TECH", "科技与科普服务", "HEALTH_SPORTS", "健康促进与体育服务");

	/** What a suggestion is for: a team or a trained volunteer. */
	enum AssigneeKind {

		TEAM, VOLUNTEER

	}

	/** One factor of a score (GraphQL {@code SuggestionFactor}). */
	record SuggestionFactor(String name, double value, double weight, String reason) {
	}

	/** One ranked candidate (GraphQL {@code AssigneeSuggestion}). */
	record AssigneeSuggestion(AssigneeKind kind, Long teamId, Long volunteerUserId, String name, double score,
			List<SuggestionFactor> factors) {
	}

	private final NeedMapper needs;

	private final NeedCategoryMapper categories;

	private final NeedSuggestionMapper mapper;

	private final OrgDirectory orgs;

	private final TeamDirectory teams;

	private final VolunteerDirectory volunteers;

	private final AccessControl access;

	NeedSuggestions(NeedMapper needs, NeedCategoryMapper categories, NeedSuggestionMapper mapper, OrgDirectory orgs,
			TeamDirectory teams, VolunteerDirectory volunteers, AccessControl access) {
		this.needs = needs;
		this.categories = categories;
		this.mapper = mapper;
		this.orgs = orgs;
		this.teams = teams;
		this.volunteers = volunteers;
		this.access = access;
	}

	List<AssigneeSuggestion> suggest(long needId, int first) {
		this.access.requireUserId();
		if (first < 1 || first > 20) {
			throw DomainException.badRequest("first 须在 1 到 20 之间");
		}
		Need need = this.needs.selectById(needId);
		if (need == null) {
			throw DomainException.notFound("需求");
		}
		OrgUnitRef station = this.orgs.require(need.getStationId());
		// The same check as dispatchNeed: only an admin covering the station may dispatch.
		this.access.requireAdminOver(station.path());
		if (need.getStatus() != NeedStatus.PUBLISHED) {
			throw new DomainException(NeedError.NEED_INVALID_STATE, "只有已发布的需求可以派单");
		}
		NeedCategory category = this.categories.selectById(need.getCategoryId());
		String categoryName = (category != null) ? category.getName() : "";
		Double needLat = toDouble(need.getLatitude());
		Double needLng = toDouble(need.getLongitude());

		List<Candidate> rows = candidates(station, (needLat != null) ? needLat : 0, (needLng != null) ? needLng : 0);
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> teamIds = new ArrayList<>();
		List<Long> userIds = new ArrayList<>();
		Set<Long> actorIds = new HashSet<>();
		for (Candidate row : rows) {
			actorIds.add(row.userId());
			if (row.team()) {
				teamIds.add(row.id());
			}
			else {
				userIds.add(row.userId());
			}
		}
		Map<String, Map<String, Object>> stats = byKey(this.mapper.loadAndRatings(orNone(teamIds), orNone(userIds)));
		Map<String, Long> accepted = new HashMap<>();
		Map<Long, Long> declinedByUser = new HashMap<>();
		for (Map<String, Object> row : this.mapper.acceptance(orNone(teamIds), orNone(userIds), actorIds)) {
			if ("USER".equals(row.get("kind"))) {
				declinedByUser.merge(longOf(row, "id"), longOf(row, "declined"), Long::sum);
			}
			else {
				accepted.merge(key(row), longOf(row, "accepted"), Long::sum);
			}
		}

		Weights weights = Weights.DEFAULT;
		List<AssigneeSuggestion> scored = new ArrayList<>(rows.size());
		for (Candidate row : rows) {
			boolean team = row.team();
			long id = row.id();
			long userId = row.userId();
			String key = team ? "TEAM:" + id : "VOLUNTEER:" + userId;
			List<SuggestionFactor> factors = new ArrayList<>(5);
			factors.add(skillFactor(categoryName, row.tags(), weights.skill()));
			factors.add(distanceFactor(needLat, needLng, row.lat(), row.lng(), weights.distance()));
			Map<String, Object> stat = stats.getOrDefault(key, Map.of());
			factors.add(loadFactor(stat.containsKey("openload") ? longOf(stat, "openload") : 0, weights.load()));
			factors.add(acceptanceFactor(accepted.getOrDefault(key, 0L), declinedByUser.getOrDefault(userId, 0L),
					weights.acceptance()));
			factors.add(ratingFactor(stat.containsKey("rated") ? longOf(stat, "rated") : 0,
					toDouble(stat.get("avgrating")), weights.rating()));
			double score = factors.stream().mapToDouble(f -> f.value() * f.weight()).sum();
			String name = row.name();
			scored.add(new AssigneeSuggestion(team ? AssigneeKind.TEAM : AssigneeKind.VOLUNTEER, team ? id : null,
					team ? null : userId, name, round(score), List.copyOf(factors)));
		}
		scored.sort(Comparator.comparingDouble(AssigneeSuggestion::score).reversed()
			.thenComparing(s -> s.kind().name())
			.thenComparing(s -> (s.teamId() != null) ? s.teamId() : s.volunteerUserId()));
		return List.copyOf(scored.subList(0, Math.min(first, scored.size())));
	}

	/**
	 * The candidates, nearest first: active teams and trained volunteers based in the station's
	 * subtree or in one of its ancestor units, each with the coordinates of that unit and its tags.
	 * Five statements however many there are (the units from org, teams and their tags, volunteers
	 * and their tags); ordered as the suggestion has always ordered them (units without a position
	 * last, then plain degree distance, good enough within a county, then kind and id) and cut at
	 * {@link #MAX_CANDIDATES}.
	 */
	private List<Candidate> candidates(OrgUnitRef station, double lat, double lng) {
		Map<Long, OrgDirectory.UnitLocation> units = this.orgs.locationsInSubtreeOr(station.path(),
				ancestorIds(station));
		List<Candidate> candidates = new ArrayList<>();
		for (TeamDirectory.TaggedTeam tagged : this.teams.activeInUnits(units.keySet())) {
			TeamRef team = tagged.team();
			OrgDirectory.UnitLocation unit = units.get(team.orgUnitId());
			candidates.add(new Candidate(true, team.id(), team.leaderUserId(), team.name(),
					toDouble(unit.latitude()), toDouble(unit.longitude()), tagList(tagged.tags())));
		}
		for (VolunteerDirectory.TaggedVolunteer tagged : this.volunteers.trainedInUnits(units.keySet())) {
			VolunteerProfile profile = tagged.profile();
			OrgDirectory.UnitLocation unit = units.get(profile.homeStationId());
			candidates.add(new Candidate(false, profile.id(), tagged.userId(), profile.maskedName(),
					toDouble(unit.latitude()), toDouble(unit.longitude()), tagList(tagged.tags())));
		}
		candidates.sort(Comparator.comparing((Candidate c) -> c.lat() == null)
			.thenComparing(c -> c.squaredDegrees(lat, lng), Comparator.nullsFirst(Comparator.naturalOrder()))
			.thenComparing(c -> c.team() ? "TEAM" : "VOLUNTEER")
			.thenComparingLong(Candidate::id));
		return candidates.subList(0, Math.min(MAX_CANDIDATES, candidates.size()));
	}

	/**
	 * A team or volunteer being ranked; {@code id} is the team or volunteer id, {@code tags} comma
	 * separated, {@code lat}/{@code lng} where its unit is.
	 */
	private record Candidate(boolean team, long id, long userId, String name, Double lat, Double lng, String tags) {

		/** Squared distance in degrees (for ordering only), null when the position is unknown. */
		Double squaredDegrees(double toLat, double toLng) {
			if (this.lat == null || this.lng == null) {
				return null;
			}
			return (this.lat - toLat) * (this.lat - toLat) + (this.lng - toLng) * (this.lng - toLng);
		}

	}

	/** Tags as the skill factor reads them: comma separated, null for none. */
	private static String tagList(List<String> tags) {
		return tags.isEmpty() ? null : String.join(",", tags);
	}

	/**
	 * Skill match, kept simple: a tag (a skill, or a service platform by its Chinese label) matches
	 * fully when it and the category name contain one another (助老 ~ 助老服务), partly when they share
	 * a two-character word other than the generic 服务 (健康 in 卫生健康 and 健康促进与体育服务).
	 */
	static SuggestionFactor skillFactor(String categoryName, String tags, double weight) {
		String best = null;
		double value = 0;
		if (tags != null && !categoryName.isBlank()) {
			for (String raw : tags.split(",")) {
				String tag = PLATFORM_LABELS.getOrDefault(raw.strip(), raw.strip());
				if (tag.isEmpty()) {
					continue;
				}
				if (categoryName.contains(tag) || tag.contains(categoryName)) {
					value = 1.0;
					best = tag;
					break;
				}
				if (value < 0.5 && sharesWord(categoryName, tag)) {
					value = 0.5;
					best = tag;
				}
			}
		}
		String reason = (best == null) ? "技能不匹配：" + categoryName
				: ((value == 1.0) ? "技能匹配：" : "技能相近：") + best;
		return new SuggestionFactor("SKILL_MATCH", value, weight, reason);
	}

	private static boolean sharesWord(String a, String b) {
		for (int i = 0; i + 2 <= a.length(); i++) {
			String word = a.substring(i, i + 2);
			if (!"服务".equals(word) && b.contains(word)) {
				return true;
			}
		}
		return false;
	}

	/** Linear decay from 1 at the need to 0 at {@link #DISTANCE_ZERO_KM}; unknown positions score 0. */
	static SuggestionFactor distanceFactor(Double lat1, Double lng1, Double lat2, Double lng2, double weight) {
		if (lat1 == null || lng1 == null || lat2 == null || lng2 == null) {
			return new SuggestionFactor("DISTANCE", 0, weight, "距离未知");
		}
		double km = haversineKm(lat1, lng1, lat2, lng2);
		double value = Math.max(0, 1 - km / DISTANCE_ZERO_KM);
		return new SuggestionFactor("DISTANCE", round(value), weight,
				String.format(Locale.ROOT, "距离约 %.1f 公里", km));
	}

	static SuggestionFactor loadFactor(long open, double weight) {
		double value = Math.max(0, 1 - (double) open / LOAD_ZERO);
		return new SuggestionFactor("OPEN_LOAD", round(value), weight, "当前在办需求 " + open + " 件");
	}

	/** Accepted ÷ (accepted + declined); no dispatch history is neutral (0.5), not a penalty. */
	static SuggestionFactor acceptanceFactor(long accepted, long declined, double weight) {
		long dispatched = accepted + declined;
		if (dispatched == 0) {
			return new SuggestionFactor("ACCEPTANCE_RATE", 0.5, weight, "暂无派单记录");
		}
		double value = (double) accepted / dispatched;
		return new SuggestionFactor("ACCEPTANCE_RATE", round(value), weight,
				String.format(Locale.ROOT, "接单率 %d%%（%d/%d）", Math.round(value * 100), accepted, dispatched));
	}

	/** Average stars of rated needs, 1..5 mapped to 0..1; no ratings is neutral (0.5). */
	static SuggestionFactor ratingFactor(long rated, Double average, double weight) {
		if (rated == 0 || average == null) {
			return new SuggestionFactor("RATING", 0.5, weight, "暂无评价");
		}
		double value = (average - 1) / 4;
		return new SuggestionFactor("RATING", round(value), weight,
				String.format(Locale.ROOT, "平均评价 %.1f 星（%d 次）", average, rated));
	}

	private static List<Long> ancestorIds(OrgUnitRef station) {
		return station.pathIds().stream().filter(id -> id != station.id()).toList();
	}

	/** MyBatis cannot render an empty IN list; no real id is negative. */
	private static List<Long> orNone(List<Long> ids) {
		return ids.isEmpty() ? List.of(-1L) : ids;
	}

	private static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> rows) {
		Map<String, Map<String, Object>> map = new HashMap<>();
		for (Map<String, Object> row : rows) {
			map.put(key(row), row);
		}
		return map;
	}

	private static String key(Map<String, Object> row) {
		return row.get("kind") + ":" + longOf(row, "id");
	}

	private static long longOf(Map<String, Object> row, String column) {
		Object value = row.get(column);
		return (value == null) ? 0 : ((Number) value).longValue();
	}

	private static Double toDouble(Object value) {
		if (value == null) {
			return null;
		}
		return (value instanceof BigDecimal decimal) ? decimal.doubleValue() : ((Number) value).doubleValue();
	}

	private static double haversineKm(double lat1, double lng1, double lat2, double lng2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLng = Math.toRadians(lng2 - lng1);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
				* Math.cos(Math.toRadians(lat2)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
		return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
