package cn.wenming.practice.activity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.stereotype.Component;

/**
 * Sign-up attribution (报名来源): how many sign-ups each entry point (menu button, article, QR code
 * …, the {@code source} given to {@code signUp}) brought in. Read-only, for the public-account feature;
 * the caller decides who may see it.
 */
@Component
public class SignUpSources {

	/** What a sign-up without a source is reported as: the volunteer found the activity in the mini-program. */
	public static final String DIRECT = "direct";

	private final SourcesMapper mapper;

	private final OrgDirectory orgs;

	SignUpSources(SourcesMapper mapper, OrgDirectory orgs) {
		this.mapper = mapper;
		this.orgs = orgs;
	}

	/** Sign-ups of one source: all made in the range, and how many of them were later cancelled. */
	public record SourceCount(String source, long signUps, long cancelled) {
	}

	/**
	 * Sign-ups made in {@code [from, to)} for activities of the unit and every unit below it, by
	 * source, most first: the subtree's unit ids (from org), then one grouped statement, whatever the
	 * subtree's size.
	 */
	public List<SourceCount> inSubtree(OrgUnitRef unit, Instant from, Instant to) {
		return this.mapper.count(this.orgs.subtreeIds(unit.path()), from, to);
	}

	@Mapper
	interface SourcesMapper {

		@Select("""
				<script>
				SELECT COALESCE(s.source, 'direct') AS source, COUNT(*) AS sign_ups,
				       COUNT(CASE WHEN s.status = 'CANCELLED' THEN 1 END) AS cancelled
				FROM activity a
				JOIN activity_sign_up s ON s.activity_id = a.id
				WHERE a.org_unit_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
				  AND s.created_at &gt;= #{from} AND s.created_at &lt; #{to}
				GROUP BY COALESCE(s.source, 'direct')
				ORDER BY sign_ups DESC, source
				</script>
				""")
		List<SourceCount> count(@Param("unitIds") Collection<Long> unitIds, @Param("from") Instant from,
				@Param("to") Instant to);

	}

}
