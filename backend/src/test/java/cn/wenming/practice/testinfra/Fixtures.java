package cn.wenming.practice.testinfra;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Test data written straight to MySQL, for arranging what a test is not about (an org subtree,
 * an admin grant). What a test is about always goes through the GraphQL API.
 */
public final class Fixtures {

	private final JdbcTemplate jdbc;

	public Fixtures(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	/** Inserts an open org unit under {@code parentId} (null for a center) and returns its id. */
	public long unit(Long parentId, String level, String name, Double latitude, Double longitude) {
		String parentPath = (parentId == null) ? "/"
				: this.jdbc.queryForObject("SELECT path FROM org_unit WHERE id = ?", String.class, parentId);
		var keys = new GeneratedKeyHolder();
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update(connection -> {
			PreparedStatement ps = connection.prepareStatement(
					"INSERT INTO org_unit (parent_id, level, name, address, region_code, latitude, longitude, path, status, version, created_at, updated_at) "
							+ "VALUES (?, ?, ?, ?, ?, ?, ?, '', 'OPEN', 0, ?, ?)",
					Statement.RETURN_GENERATED_KEYS);
			ps.setObject(1, parentId);
			ps.setString(2, level);
			ps.setString(3, name);
			ps.setString(4, name + "地址");
			ps.setString(5, "320282");
			ps.setObject(6, latitude);
			ps.setObject(7, longitude);
			ps.setTimestamp(8, now);
			ps.setTimestamp(9, now);
			return ps;
		}, keys);
		long id = keys.getKey().longValue();
		this.jdbc.update("UPDATE org_unit SET path = ? WHERE id = ?", parentPath + id + "/", id);
		return id;
	}

	/** A center with one institute and one station below it. */
	public Tree tree() {
		long center = unit(null, "CENTER", unique("中心"), 31.34, 119.82);
		long institute = unit(center, "INSTITUTE", unique("所"), 31.35, 119.83);
		long station = unit(institute, "STATION", unique("站"), 31.36, 119.84);
		return new Tree(center, institute, station);
	}

	/** Three ids: a center, an institute under it, a station under that. */
	public record Tree(long center, long institute, long station) {
	}

	/** Runs an INSERT with one parameter and returns the generated id. */
	public long insert(String sql, long parameter) {
		var keys = new GeneratedKeyHolder();
		this.jdbc.update(connection -> {
			PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
			ps.setLong(1, parameter);
			return ps;
		}, keys);
		return keys.getKey().longValue();
	}

	/** Grants a role directly (for arranging an admin). */
	public void grant(long userId, String role, Long unitId) {
		this.jdbc.update(
				"INSERT IGNORE INTO user_role (user_id, role, org_unit_id, scope_key, granted_by, created_at) VALUES (?, ?, ?, ?, NULL, ?)",
				userId, role, unitId, (unitId == null) ? 0 : unitId, Timestamp.from(Instant.now()));
	}

}
